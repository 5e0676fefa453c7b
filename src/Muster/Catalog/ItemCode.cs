using Muster.Infrastructure;

namespace Muster.Catalog;

/// <summary>
/// An item code laid out as GB/T 38565-2020: seven digits, the top class (1–3), then two digits each for the
/// middle, small and fine classes. The middle class is never 00; a 00 small or fine class means "not divided
/// further", so every level after a 00 must be 00 too (1010000 and 1010100 are codes, 1000101 and 1010001 are not).
/// </summary>
public static class ItemCode
{
    public const int Length = 7;

    /// <summary>Names the UUID v5 ids of items; never change it, or every item's stream id changes.</summary>
    private static readonly Guid Namespace = new("6d0f3c1e-9b4a-5c2e-8f7d-2a1b3c4d5e6f");

    /// <summary>Why <paramref name="code"/> is not an item code, or null when it is one.</summary>
    public static DomainError? Check(string code, string field = "code")
    {
        if (code.Length != Length || !code.All(char.IsAsciiDigit))
        {
            return DomainError.Validation($"code must be exactly {Length} digits (GB/T 38565-2020), got '{code}'", field);
        }

        if (code[0] is < '1' or > '3')
        {
            return DomainError.Validation(
                "code must start with its top class: 1 basic living supplies, 2 emergency equipment, 3 engineering materials and machinery", field);
        }

        var middle = code.AsSpan(1, 2);
        var small = code.AsSpan(3, 2);
        var fine = code.AsSpan(5, 2);
        if (middle is "00")
        {
            return DomainError.Validation("code must name a middle class (digits 2–3 must not be 00)", field);
        }

        if (small is "00" && fine is not "00")
        {
            return DomainError.Validation("code names a fine class under no small class (digits 4–5 are 00, digits 6–7 are not)", field);
        }

        return null;
    }

    /// <summary>Why <paramref name="prefix"/> cannot start an item code: it must be 1–7 digits.</summary>
    public static DomainError? CheckPrefix(string prefix, string field = "codePrefix") =>
        prefix.Length is >= 1 and <= Length && prefix.All(char.IsAsciiDigit)
            ? null
            : DomainError.Validation($"{field} must be 1 to {Length} digits, got '{prefix}'", field);

    /// <summary>The top class of a valid code.</summary>
    public static TopClass TopClassOf(string code) => (TopClass)(code[0] - '0');

    /// <summary>The item's stream id: a name-based UUID of its code, so the code is the identity.</summary>
    public static Guid StreamId(string code) => NameBasedId.Create(Namespace, code);
}
