using System.Text.RegularExpressions;

namespace Muster.Infrastructure;

/// <summary>Open, lower-case tags such as mine-rescue or water-rescue: unit capabilities and expert specialties.</summary>
public static partial class Tags
{
    public const int MaxTags = 20;
    public const int MaxLength = 40;

    public static bool IsTag(string tag) => tag.Length <= MaxLength && TagPattern().IsMatch(tag);

    /// <summary>Trimmed, lower-cased, distinct tags, or why they are not acceptable.</summary>
    public static Result<IReadOnlyList<string>> Normalize(IEnumerable<string> tags, string field)
    {
        IReadOnlyList<string> normalized = tags.Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList();
        if (normalized.Count > MaxTags)
        {
            return DomainError.Validation($"at most {MaxTags} tags", field);
        }

        var bad = normalized.FirstOrDefault(t => !IsTag(t));
        return bad is null
            ? Result<IReadOnlyList<string>>.Ok(normalized)
            : DomainError.Validation($"'{bad}' is not a tag: lower-case letters, digits and single hyphens, up to {MaxLength} characters", field);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex TagPattern();
}
