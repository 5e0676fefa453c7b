namespace Muster.Experts.ChangingAvailability;

/// <summary>
/// Which availability may follow which: an expert may go from any availability to any other (called out while
/// off duty, off duty straight after an engagement); asking for the one it already has is INVALID_STATE, so a
/// stale screen learns that someone else changed it first.
/// </summary>
public static class ExpertAvailabilityTransitions
{
    public static bool IsAllowed(ExpertAvailability from, ExpertAvailability to) => from != to;

    public static IReadOnlyList<ExpertAvailability> From(ExpertAvailability availability) =>
        Enum.GetValues<ExpertAvailability>().Where(to => IsAllowed(availability, to)).ToList();
}
