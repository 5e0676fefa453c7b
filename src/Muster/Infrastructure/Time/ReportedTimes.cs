namespace Muster.Infrastructure.Time;

/// <summary>
/// The <c>ReportedTimes</c> configuration section: how far from the server's clock a time a device reports (a
/// position's <c>at</c>) may be. Device clocks drift a little; a report from 0001-01-01 or next year is a broken
/// device or a forged request, and would sort a track wrongly for good.
/// </summary>
public sealed class ReportedTimes
{
    public const string Section = "ReportedTimes";

    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan MaxAhead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Null when <paramref name="at"/> lies within the bounds around <paramref name="now"/>; otherwise a VALIDATION error naming <paramref name="field"/>.</summary>
    public DomainError? Check(DateTimeOffset at, DateTimeOffset now, string field)
    {
        if (at > now + MaxAhead)
        {
            return DomainError.Validation($"'{field}' is {at - now:g} ahead of the server's clock; at most {MaxAhead:g} is accepted", field);
        }

        return at < now - MaxAge
            ? DomainError.Validation($"'{field}' is {now - at:%d} days in the past; reports older than {MaxAge:%d} days are refused", field)
            : null;
    }
}
