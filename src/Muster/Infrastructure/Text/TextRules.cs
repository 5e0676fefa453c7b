namespace Muster.Infrastructure.Text;

/// <summary>
/// The one rule for text a caller gives us. A <b>name</b> (of an agency, unit, depot, item, plan; a code, a lot, a
/// contact) is one line of visible text: no control characters, no bidi overrides or isolates (which make a name
/// read differently from what it is, e.g. in a dispatch list), no zero-width characters (which make two names look
/// the same). A <b>free text</b> (a note, a reason, a description) may break lines and tabulate, nothing else of
/// the above. U+0000 nowhere: PostgreSQL cannot store it. Both are trimmed and bounded in length.
/// </summary>
public static class TextRules
{
    /// <summary>A trimmed name of 1..<paramref name="max"/> characters (0.. when optional, null when empty), or why not.</summary>
    public static Result<string?> Name(string? text, string field, int max, bool required = true) =>
        Check(text, field, max, required, multiline: false);

    /// <summary>A trimmed free text of 1..<paramref name="max"/> characters (0.. when optional, null when empty), or why not.</summary>
    public static Result<string?> FreeText(string? text, string field, int max, bool required = false) =>
        Check(text, field, max, required, multiline: true);

    /// <summary>The first character a name (or a free text) may not hold, or null.</summary>
    public static char? Refused(string text, bool multiline)
    {
        foreach (var c in text)
        {
            if (IsRefused(c, multiline))
            {
                return c;
            }
        }

        return null;
    }

    private static Result<string?> Check(string? text, string field, int max, bool required, bool multiline)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if ((required && trimmed.Length == 0) || trimmed.Length > max)
        {
            return DomainError.Validation($"{field} must have {(required ? 1 : 0)} to {max} characters", field);
        }

        if (Refused(trimmed, multiline) is { } c)
        {
            return DomainError.Validation(
                $"{field} must not contain U+{(int)c:X4} ({Describe(c)}){(multiline ? "" : "; a name is one line of visible text")}", field);
        }

        return Result<string?>.Ok(trimmed.Length == 0 ? null : trimmed);
    }

    private static bool IsRefused(char c, bool multiline) => c switch
    {
        '\0' => true,
        '\n' or '\r' or '\t' => !multiline,
        _ when char.IsControl(c) => true,
        _ when IsBidiControl(c) => true,
        _ => !multiline && IsZeroWidth(c),
    };

    // LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM ALM: they reorder or hide how text reads.
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    // ZWSP ZWNJ ZWJ, word joiner, BOM, soft hyphen, Mongolian vowel separator: invisible, so two names look alike.
    private static bool IsZeroWidth(char c) => c is >= '\u200B' and <= '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E';

    private static string Describe(char c) =>
        c == '\0' ? "NUL" : char.IsControl(c) ? "a control character" : IsBidiControl(c) ? "a bidi control" : "an invisible character";
}
