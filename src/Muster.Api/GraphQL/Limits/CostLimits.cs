namespace Muster.Api.GraphQL.Limits;

/// <summary>
/// The <c>GraphQL:Limits</c> configuration section: what one request may cost before anything is validated or
/// executed. The defaults leave room for any document a person or a partner's system writes by hand.
/// </summary>
public sealed class CostLimits
{
    public const string Section = "GraphQL:Limits";

    /// <summary>Nesting the parser follows (selections, lists and objects in arguments); deeper is QUERY_TOO_DEEP.</summary>
    public int MaxParserDepth { get; set; } = 64;

    /// <summary>Field selections once fragments are expanded (each spread counts its fragment's fields again).</summary>
    public int MaxFields { get; set; } = 2_000;

    /// <summary>Aliased fields once fragments are expanded: aliases are how one field is asked for many times.</summary>
    public int MaxAliases { get; set; } = 200;

    /// <summary>Directives, counted the same way.</summary>
    public int MaxDirectives { get; set; } = 100;

    /// <summary><c>__schema</c> and <c>__type</c> fields in one operation: each walks the whole schema.</summary>
    public int MaxIntrospections { get; set; } = 10;

    /// <summary>Fragment definitions in one document.</summary>
    public int MaxFragments { get; set; } = 200;

    /// <summary>Items of one list in the variables; values of all the variables together.</summary>
    public int MaxListItems { get; set; } = 1_000;

    public int MaxVariableValues { get; set; } = 10_000;

    /// <summary>Errors in one answer; the rest are summed up in one last error.</summary>
    public int MaxErrors { get; set; } = 20;

    /// <summary>Bytes of one serialized answer over HTTP; a larger one is replaced by RESPONSE_TOO_LARGE.</summary>
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;
}
