using Muster.Plans;
using Muster.Readiness.Coverage;

namespace Muster.Dispatch;

/// <summary>
/// What Muster proposes to send to an incident, each entry with why it was chosen and up to three alternatives,
/// and what cannot be met, and what it costs the rest of the city's coverage per capability it sends (empty in proposals
/// made before that was reckoned). It is an event of the incident; approving it claims everything at once.
/// </summary>
public sealed record DispatchProposal(
    Guid Id,
    Guid IncidentId,
    Guid? PlanId,
    int? PlanVersion,
    Requirements Requirements,
    IReadOnlyList<ProposedUnit> Units,
    IReadOnlyList<ProposedSupply> Supplies,
    IReadOnlyList<ProposedExpert> Experts,
    IReadOnlyList<Shortfall> Shortfalls,
    string ProposedBy,
    DateTimeOffset ProposedAt,
    ProposalStatus Status,
    IReadOnlyList<CoverageCost>? CoverageCosts = null);

public enum ProposalStatus
{
    Proposed,
    Approved,

    /// <summary>A newer proposal for the same incident replaced it; it can no longer be approved.</summary>
    Superseded,
}

public sealed record Alternative(Guid Id, double DistanceMeters, int EtaSeconds);

public sealed record ProposedUnit(Guid UnitId, string Capability, double DistanceMeters, int EtaSeconds, bool PositionStale, string Reason, IReadOnlyList<Alternative> Alternatives);

public sealed record ProposedSupply(
    Guid DepotId, string ItemCode, int Quantity, double DistanceMeters, int EtaSeconds, string Reason, IReadOnlyList<DepotAlternative> Alternatives);

/// <summary>Another depot that has the item available, nearest first, which the proposal did not draw on.</summary>
public sealed record DepotAlternative(Guid DepotId, int Available, double DistanceMeters, int EtaSeconds);

public sealed record ProposedExpert(Guid ExpertId, string Specialty, double DistanceMeters, int EtaSeconds, string Reason, IReadOnlyList<Alternative> Alternatives);

public enum ShortfallKind
{
    Unit,
    Supply,
    Expert,
}

/// <summary>What could not be met: <see cref="Quantity"/> of <see cref="What"/> (a capability, item code or specialty), and why.</summary>
public sealed record Shortfall(ShortfallKind Kind, string What, int Quantity, string Reason);
