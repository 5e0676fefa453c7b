using System.Globalization;
using System.Text.RegularExpressions;
using Muster.Infrastructure;

namespace Muster.Experts;

/// <summary>
/// The daily hours an expert answers a call-out, in the city's local time, written <c>HH:mm-HH:mm</c> (24-hour).
/// The end may be <c>24:00</c>; an end before the start runs past midnight (<c>20:00-08:00</c>);
/// <c>00:00-24:00</c> is round the clock. Kept as minutes since midnight: <see cref="From"/> 0..1439, <see cref="To"/> 1..1440.
/// </summary>
public sealed partial record OnCallHours(int From, int To)
{
    private const int Day = 24 * 60;

    public static Result<OnCallHours> Parse(string text, string field = "onCall")
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return DomainError.Validation($"onCall must be daily hours written HH:mm-HH:mm, e.g. 08:00-20:00, got '{text}'", field);
        }

        int Minutes(int group) =>
            int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture) * 60
            + int.Parse(match.Groups[group + 1].ValueSpan, CultureInfo.InvariantCulture);
        var (from, to) = (Minutes(1), Minutes(3));
        if (from >= Day || to > Day)
        {
            return DomainError.Validation($"onCall hours run from 00:00 to 24:00, got '{text}'", field);
        }

        if (from == to)
        {
            return DomainError.Validation($"onCall '{text}' starts when it ends; write 00:00-24:00 for round the clock", field);
        }

        return new OnCallHours(from, to);
    }

    /// <summary>Whether a local time of day falls within the hours (start included, end excluded).</summary>
    public bool Covers(TimeOnly time)
    {
        var minute = time.Hour * 60 + time.Minute;
        return From < To ? minute >= From && minute < To : minute >= From || minute < To;
    }

    public override string ToString() => $"{Clock(From)}-{Clock(To)}";

    private static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    [GeneratedRegex(@"^([0-2][0-9]):([0-5][0-9])\s*-\s*([0-2][0-9]):([0-5][0-9])$")]
    private static partial Regex Pattern();
}
