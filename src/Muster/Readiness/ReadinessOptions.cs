namespace Muster.Readiness;

/// <summary>
/// The <c>Readiness</c> configuration section: the time limit within which each capability must reach a place
/// (<c>Readiness:Limits:mine-rescue = 900</c>, seconds; <c>Readiness:Limits:default</c> for the others), and whether a
/// dispatch proposal states what it costs the city's coverage (<c>Readiness:CostOfDispatch</c>, on by default).
/// </summary>
public sealed class ReadinessOptions
{
    public const string Section = "Readiness";
    public const string DefaultKey = "default";
    public const int MinSeconds = 60;
    public const int MaxSeconds = 4 * 3600;

    public Dictionary<string, int> Limits { get; set; } = new(StringComparer.Ordinal);

    public bool CostOfDispatch { get; set; } = true;

    /// <summary>The limit of a capability: its own, else the configured default, else 15 minutes.</summary>
    public int LimitOf(string capability) =>
        Math.Clamp(Limits.TryGetValue(capability, out var own) ? own : Limits.GetValueOrDefault(DefaultKey, 900), MinSeconds, MaxSeconds);
}
