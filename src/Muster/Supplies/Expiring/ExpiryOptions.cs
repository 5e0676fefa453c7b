namespace Muster.Supplies.Expiring;

/// <summary>
/// When the expiry sweep runs (<c>Supplies:Expiry</c>: a Quartz <see cref="Cron"/> expression in UTC, or an
/// <see cref="Interval"/> that wins when given) and how far ahead it warns (<c>Supplies:ExpiryWarningDays</c>).
/// </summary>
public sealed class ExpiryOptions
{
    public const string Section = "Supplies:Expiry";
    public const string WarningDaysKey = "Supplies:ExpiryWarningDays";

    /// <summary>Daily at 01:00 UTC by default.</summary>
    public string Cron { get; set; } = "0 0 1 * * ?";

    public TimeSpan? Interval { get; set; }

    public int WarningDays { get; set; } = 30;
}
