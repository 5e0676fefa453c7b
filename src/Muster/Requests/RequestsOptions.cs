namespace Muster.Requests;

/// <summary>The <c>Supplies</c> configuration section, as far as requests go.</summary>
public sealed class RequestsOptions
{
    public const string Section = "Supplies";

    /// <summary>Stock allocated to a request and not shipped within this time is released again.</summary>
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How often the hold time-out job looks for such requests.</summary>
    public TimeSpan HoldCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most allocations one instance decides and commits in one transaction; see <see cref="Allocating.Allocator"/>.</summary>
    public int MaxAllocationBatch { get; set; } = 64;

    /// <summary>
    /// How long the allocator waits, at most, for callers its last batch answered to queue again before it starts the
    /// next batch with fewer; zero starts at once. See <see cref="Allocating.Allocator"/>.
    /// </summary>
    public TimeSpan AllocationGathering { get; set; } = TimeSpan.FromMilliseconds(6);
}
