using Muster.Incidents;
using Muster.Infrastructure.Writing;

namespace Muster.Dispatch;

/// <summary>A proposal was made for the incident (an event of the incident's stream); it replaces <see cref="Supersedes"/>.</summary>
public sealed record DispatchProposed(Guid IncidentId, DispatchProposal Proposal, Guid? Supersedes) : IEventOf<Incident>;

/// <summary>
/// The commander approved a proposal: these units were assigned, these experts engaged, and the supplies reserved as
/// the supply request <see cref="SupplyRequestId"/> (null when no supplies were proposed), all in one transaction.
/// </summary>
public sealed record DispatchApproved(
    Guid IncidentId, Guid ProposalId, IReadOnlyList<Guid> UnitIds, IReadOnlyList<Guid> ExpertIds, Guid? SupplyRequestId, IReadOnlyList<Guid> Excluded) : IEventOf<Incident>;
