using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Muster.Reports;
using Muster.Reports.Rendering;

namespace Muster.Api.Reports;

/// <summary>
/// A report as an A4 PDF in Chinese, laid out from the same sections as its text, with the CJK font embedded (as a
/// subset). PDFsharp reads TrueType fonts (glyf outlines): Debian's <c>fonts-droid-fallback</c> is the one run.sh and
/// test.sh install; Noto CJK comes as OpenType/CFF collections (.ttc), which PDFsharp 6.2.4 does not read (it fails
/// inside <c>OpenTypeFontFace</c>; tried with <c>Reports:FontFile</c> pointing at NotoSansCJK-Regular.ttc).
/// </summary>
public static class ReportPdf
{
    public const string FontFamily = "Muster CJK";

    /// <summary>Where Debian puts TrueType fonts with CJK glyphs, the first that exists wins.</summary>
    public static readonly IReadOnlyList<string> DebianFonts =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
    ];

    private const double Margin = 56; // 2 cm
    private static readonly Lock Gate = new();

    /// <summary>The font file to embed, or null when none is installed (the endpoint then says which package to install).</summary>
    public static string? FontFile(ReportsOptions options) =>
        options.FontFile is { Length: > 0 } configured ? (File.Exists(configured) ? configured : null) : DebianFonts.FirstOrDefault(File.Exists);

    public static byte[] Render(IncidentReport report, ReportsOptions options, string fontFile)
    {
        lock (Gate)
        {
            // PDFsharp keeps its font resolver process-wide; set it once, pointing at the file this service uses.
            FileFontResolver.Use(fontFile);
            using var document = new PdfDocument();
            document.Info.Title = report.Content.Title;
            document.Info.Author = options.Issuer;
            document.Info.Subject = ReportWords.Stage(report.Kind, report.Number);
            var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
            var heading = new XFont(FontFamily, 16, XFontStyleEx.Bold, unicode);
            var label = new XFont(FontFamily, 11.5, XFontStyleEx.Bold, unicode);
            var body = new XFont(FontFamily, 11.5, XFontStyleEx.Regular, unicode);
            var writer = new PageWriter(document);
            writer.Centered($"{options.Issuer}突发事件信息{ReportWords.Stage(report.Kind, report.Number)}", heading);
            writer.Gap(10);
            foreach (var section in ReportText.Sections(report, options))
            {
                if (section.Inline)
                {
                    writer.Paragraph(section.Heading + "：" + section.Body, body);
                }
                else
                {
                    writer.Gap(6);
                    writer.Paragraph(section.Heading, label);
                    foreach (var line in section.Body.Split('\n'))
                    {
                        writer.Paragraph(line, body, indent: 22);
                    }
                }
            }

            writer.Dispose();
            using var stream = new MemoryStream();
            document.Save(stream, closeStream: false);
            return stream.ToArray();
        }
    }

    /// <summary>Writes wrapped lines down A4 pages, starting a new page at the bottom margin.</summary>
    private sealed class PageWriter(PdfDocument document) : IDisposable
    {
        private XGraphics? _graphics;
        private double _y;
        private PdfPage? _page;

        private XGraphics Graphics => _graphics ?? NewPage();

        public void Centered(string text, XFont font)
        {
            var g = Graphics;
            var height = font.GetHeight();
            g.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, _page!.Width.Point - 2 * Margin, height), XStringFormats.TopCenter);
            _y += height * 1.4;
        }

        public void Gap(double points) => _y += points;

        /// <summary>Breaks between any two characters (Chinese has no spaces to break at), never past the right margin.</summary>
        public void Paragraph(string text, XFont font, double indent = 0)
        {
            var height = font.GetHeight() * 1.45;
            var width = _page is null ? XUnit.FromMillimeter(210).Point - 2 * Margin - indent : _page.Width.Point - 2 * Margin - indent;
            foreach (var line in Wrap(text, font, width))
            {
                var g = Graphics;
                if (_y + height > _page!.Height.Point - Margin)
                {
                    g = NewPage();
                }

                g.DrawString(line, font, XBrushes.Black, Margin + indent, _y, XStringFormats.TopLeft);
                _y += height;
            }
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            if (text.Length == 0)
            {
                yield return "";
                yield break;
            }

            var start = 0;
            for (var end = 1; end <= text.Length; end++)
            {
                if (Graphics.MeasureString(text[start..end], font).Width > width && end - start > 1)
                {
                    yield return text[start..(end - 1)];
                    start = end - 1;
                }
            }

            yield return text[start..];
        }

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _graphics;
        }

        public void Dispose() => _graphics?.Dispose();
    }

    /// <summary>Every family and style PDFsharp asks for is the one CJK font file (bold is simulated).</summary>
    private sealed class FileFontResolver : IFontResolver
    {
        private static FileFontResolver? _installed;
        private string _file = "";
        private byte[]? _bytes;

        public static void Use(string file)
        {
            if (_installed is null)
            {
                _installed = new FileFontResolver();
                GlobalFontSettings.FontResolver = _installed;
            }

            if (_installed._file != file)
            {
                _installed._file = file;
                _installed._bytes = File.ReadAllBytes(file);
            }
        }

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new("muster-cjk", bold, italic);

        public byte[]? GetFont(string faceName) => _bytes;
    }
}
