using Muster.Catalog;
using Muster.Infrastructure;

namespace Muster.Plans;

public sealed record UnitNeed(string Capability, int Count);

public sealed record SupplyNeed(string ItemCode, int Quantity);

public sealed record ExpertNeed(string Specialty, int Count);

/// <summary>What a response needs: units by capability, supplies by item, experts by specialty.</summary>
public sealed record Requirements(IReadOnlyList<UnitNeed> Units, IReadOnlyList<SupplyNeed> Supplies, IReadOnlyList<ExpertNeed> Experts)
{
    public const int MaxCount = 100;
    public const int MaxQuantity = 1_000_000;
    public const int MaxEntries = 50;

    public static readonly Requirements None = new([], [], []);

    public bool IsEmpty => Units.Count == 0 && Supplies.Count == 0 && Experts.Count == 0;

    /// <summary>
    /// Requirements in normal form (tags lower-cased, one entry per capability, item and specialty, counts summed),
    /// or every fault at once: malformed tags or codes, counts below 1 or absurd, nothing required at all.
    /// </summary>
    public static Result<Requirements> Normalize(Requirements given, string field = "requirements")
    {
        var errors = new List<DomainError>();
        var units = Merge(given.Units.Select(u => (u.Capability.Trim().ToLowerInvariant(), u.Count)), $"{field}.units", "capability", MaxCount, errors, Tags.IsTag);
        var supplies = Merge(given.Supplies.Select(s => (s.ItemCode.Trim(), s.Quantity)), $"{field}.supplies", "itemCode", MaxQuantity, errors,
            code => ItemCode.Check(code) is null);
        var experts = Merge(given.Experts.Select(e => (e.Specialty.Trim().ToLowerInvariant(), e.Count)), $"{field}.experts", "specialty", MaxCount, errors, Tags.IsTag);
        if (errors.Count == 0 && units.Count + supplies.Count + experts.Count == 0)
        {
            errors.Add(DomainError.Validation("requirements name no unit, supply or expert", field));
        }

        return errors.Count > 0
            ? Result<Requirements>.Fail(errors)
            : new Requirements(
                units.Select(u => new UnitNeed(u.Key, u.Count)).ToList(),
                supplies.Select(s => new SupplyNeed(s.Key, s.Count)).ToList(),
                experts.Select(e => new ExpertNeed(e.Key, e.Count)).ToList());
    }

    private static List<(string Key, int Count)> Merge(
        IEnumerable<(string Key, int Count)> entries, string field, string what, int max, List<DomainError> errors, Func<string, bool> isValid)
    {
        var list = entries.ToList();
        if (list.Count > MaxEntries)
        {
            errors.Add(DomainError.Validation($"at most {MaxEntries} entries", field));
            return [];
        }

        foreach (var (key, count) in list)
        {
            if (!isValid(key))
            {
                errors.Add(DomainError.Validation($"'{key}' is not a valid {what}", field));
            }
            else if (count < 1 || count > max)
            {
                errors.Add(DomainError.Validation($"{what} {key}: the count must be between 1 and {max}, got {count}", field));
            }
        }

        var merged = list.GroupBy(e => e.Key, StringComparer.Ordinal).Select(g => (g.Key, Count: g.Sum(e => (long)e.Count))).ToList();
        if (errors.Count == 0 && merged.FirstOrDefault(m => m.Count > max) is { Key: not null } tooMany)
        {
            errors.Add(DomainError.Validation($"{what} {tooMany.Key}: {tooMany.Count} in all is more than {max}", field));
        }

        return merged.Select(m => (m.Key, (int)Math.Min(m.Count, max))).ToList();
    }
}
