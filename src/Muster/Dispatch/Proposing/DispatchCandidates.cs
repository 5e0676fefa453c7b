namespace Muster.Dispatch.Proposing;

/// <summary>An AVAILABLE unit or expert that could go, as the spatial index found it.</summary>
public sealed record Candidate(Guid Id, double DistanceMeters, int EtaSeconds, bool PositionStale = false);

/// <summary>Available stock of an item in a depot the incident may draw on.</summary>
public sealed record SupplyCandidate(Guid DepotId, string ItemCode, int Available, double DistanceMeters, int EtaSeconds);

/// <summary>
/// What the planner chooses from: per capability the AVAILABLE units (fresh positions first, then by ETA), per
/// item the depots with stock (nearest first), per specialty the AVAILABLE experts (soonest first), and how many
/// exist at all, whatever their status (to tell "none has it" from "all are busy"), counted only for the needs with
/// fewer candidates than were asked for: the others cannot fall short.
/// </summary>
public sealed record DispatchCandidates(
    IReadOnlyDictionary<string, IReadOnlyList<Candidate>> UnitsByCapability,
    IReadOnlyDictionary<string, int> UnitsCarrying,
    IReadOnlyDictionary<string, IReadOnlyList<SupplyCandidate>> StockByItem,
    IReadOnlyDictionary<string, IReadOnlyList<Candidate>> ExpertsBySpecialty,
    IReadOnlyDictionary<string, int> ExpertsWith)
{
    public bool AnyUnitCarries(string capability) =>
        UnitsByCapability.GetValueOrDefault(capability) is { Count: > 0 } || UnitsCarrying.GetValueOrDefault(capability) > 0;

    public bool AnyExpertHas(string specialty) =>
        ExpertsBySpecialty.GetValueOrDefault(specialty) is { Count: > 0 } || ExpertsWith.GetValueOrDefault(specialty) > 0;
}
