using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Muster.Api.Interop.Edxl;

/// <summary>
/// Reads an EDXL-RM message safely and validates it against <c>edxl-rm-subset.xsd</c>: no DTD (so no external entities
/// and no entity-expansion bombs), no resolver, bounded size; the first problems found are the answer.
/// </summary>
public static class EdxlReader
{
    public const string Namespace = "urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg";
    public const long MaxCharacters = 1_000_000;

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        using var stream = typeof(EdxlReader).Assembly.GetManifestResourceStream("edxl-rm-subset.xsd")
            ?? throw new InvalidOperationException("edxl-rm-subset.xsd is not embedded");
        var set = new XmlSchemaSet { XmlResolver = null };
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        set.Add(Namespace, reader);
        set.Compile();
        return set;
    });

    public static (XDocument? Message, IReadOnlyList<string> Problems) Read(Stream body)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = MaxCharacters,
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (problems.Count < 10)
            {
                problems.Add($"line {e.Exception.LineNumber}, position {e.Exception.LinePosition}: {e.Message}");
            }
        };

        try
        {
            using var reader = XmlReader.Create(body, settings);
            var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            return problems.Count == 0 ? (document, problems) : (null, problems);
        }
        catch (XmlException e)
        {
            return (null, [$"not well-formed XML or a refused construct (DTDs and entities are not accepted): {e.Message}"]);
        }
    }
}
