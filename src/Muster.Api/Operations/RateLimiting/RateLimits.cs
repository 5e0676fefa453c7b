namespace Muster.Api.Operations.RateLimiting;

/// <summary>
/// The <c>RateLimiting</c> configuration section: a token bucket per caller at /graphql — per token subject, or per
/// remote address for a caller without a token. A caller may send <c>Burst</c> requests at once, then
/// <c>PerSecond</c> a second on average.
/// </summary>
public sealed class RateLimits
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    public int PerSecond { get; set; } = 200;

    public int Burst { get; set; } = 1_000;

    public int AnonymousPerSecond { get; set; } = 50;

    public int AnonymousBurst { get; set; } = 300;
}
