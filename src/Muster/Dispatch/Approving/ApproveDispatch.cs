using Muster.Experts;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Requests;
using Muster.Supplies;
using Muster.Supplies.Reserving;
using Muster.Units;

namespace Muster.Dispatch.Approving;

/// <summary>Approve a proposal, leaving out the units, experts or depots in <see cref="Excluding"/> (the commander's override).</summary>
public sealed record ApproveDispatch(Guid ProposalId, IReadOnlyCollection<Guid> Excluding);

/// <summary>Everything an approval writes: on units, experts, stock lines, a new supply request, and the incident.</summary>
public sealed record DispatchClaim(
    IReadOnlyList<UnitStatusChanged> Units,
    IReadOnlyList<ExpertAvailabilityChanged> Experts,
    IReadOnlyList<StockReserved> Stock,
    IReadOnlyList<object> SupplyRequest,
    DispatchApproved Approved);

/// <summary>What the approval found when it fetched everything the proposal names, for writing.</summary>
public sealed record ClaimedState(
    DispatchProposal? Proposal,
    Incident? Incident,
    IReadOnlyDictionary<Guid, RescueUnit?> Units,
    IReadOnlyDictionary<Guid, Expert?> Experts,
    IReadOnlyDictionary<Guid, StockLine?> Lines);

public static class ApproveDispatchDecision
{
    /// <summary>
    /// All or nothing: every proposed unit must still be AVAILABLE, every expert AVAILABLE, every depot still hold
    /// what was proposed; otherwise CONFLICT naming what changed, so the commander can propose again.
    /// </summary>
    public static Result<DispatchClaim> Decide(ClaimedState state, ApproveDispatch command, Guid supplyRequestId)
    {
        var (proposal, incident) = (state.Proposal, state.Incident);
        if (proposal is null)
        {
            return DomainError.NotFound("no such proposal", "proposalId");
        }

        if (IncidentRules.MayChange(incident) is { } closed)
        {
            return closed with { Field = "proposalId" };
        }

        if (proposal.Status != ProposalStatus.Proposed || incident!.LatestProposalId != proposal.Id)
        {
            return DomainError.InvalidState(
                proposal.Status == ProposalStatus.Approved ? "the proposal was already approved" : "a newer proposal replaced this one: approve that, or propose again",
                "proposalId");
        }

        var reason = $"dispatched to incident {incident.Title}";
        var units = proposal.Units.Where(u => !command.Excluding.Contains(u.UnitId)).ToList();
        var experts = proposal.Experts.Where(e => !command.Excluding.Contains(e.ExpertId)).ToList();
        var supplies = proposal.Supplies.Where(s => !command.Excluding.Contains(s.DepotId)).ToList();
        int Available(ProposedSupply s) => state.Lines.GetValueOrDefault(StockLineId.Of(s.DepotId, s.ItemCode))?.Available ?? 0;
        var taken = units.Select(u => state.Units.GetValueOrDefault(u.UnitId)).Where(u => u is null || u.Status != UnitStatus.Available)
            .Select(u => u is null ? "a unit no longer registered" : $"{u.Name} is {ApiName.Of(u.Status)}")
            .Concat(experts.Select(e => state.Experts.GetValueOrDefault(e.ExpertId)).Where(e => e is null || e.Availability != ExpertAvailability.Available)
                .Select(e => e is null ? "an expert no longer registered" : $"{e.Name} is {ApiName.Of(e.Availability)}"))
            .Concat(supplies.Where(s => Available(s) < s.Quantity)
                .Select(s => $"{s.ItemCode} at a depot: {Available(s)} available, {s.Quantity} proposed"))
            .ToList();
        if (taken.Count > 0)
        {
            return DomainError.Conflict("taken since the proposal, nothing was dispatched: " + string.Join("; ", taken), "proposalId");
        }

        var stock = supplies.Select(s => StockReservations.Reserve(
                state.Lines[StockLineId.Of(s.DepotId, s.ItemCode)], supplyRequestId, ReservationHolder.SupplyRequest, s.Quantity).Value!)
            .ToList();
        var request = supplies.Count == 0 ? [] : SupplyRequestFor(incident, proposal, supplies, supplyRequestId);
        return new DispatchClaim(
            units.Select(u => new UnitStatusChanged(u.UnitId, UnitStatus.Available, UnitStatus.Assigned, reason)).ToList(),
            experts.Select(e => new ExpertAvailabilityChanged(e.ExpertId, ExpertAvailability.Available, ExpertAvailability.Engaged, reason)).ToList(),
            stock,
            request,
            new DispatchApproved(incident.Id, proposal.Id, units.Select(u => u.UnitId).ToList(), experts.Select(e => e.ExpertId).ToList(),
                supplies.Count == 0 ? null : supplyRequestId, command.Excluding.ToList()));
    }

    /// <summary>The supplies become a supply request of the incident, approved and allocated from the proposed depots.</summary>
    private static IReadOnlyList<object> SupplyRequestFor(Incident incident, DispatchProposal proposal, IReadOnlyList<ProposedSupply> supplies, Guid id)
    {
        var lines = proposal.Requirements.Supplies
            .Select(n => new ItemQuantity(n.ItemCode, supplies.Where(s => s.ItemCode == n.ItemCode).Sum(s => s.Quantity)))
            .Where(l => l.Quantity > 0).ToList();
        var priority = incident.Level switch
        {
            ResponseLevel.I or ResponseLevel.II => SupplyPriority.Urgent,
            ResponseLevel.III => SupplyPriority.High,
            _ => SupplyPriority.Normal,
        };
        return
        [
            new SupplyRequested(id, null, lines, incident.Location, incident.Id, priority, null, $"dispatch for incident: {incident.Title}"),
            new SupplyRequestApproved(id),
            new SupplyRequestAllocated(id,
                supplies.Select(s => new AllocatedStock(StockLineId.Of(s.DepotId, s.ItemCode), s.DepotId, s.ItemCode, s.Quantity, s.DistanceMeters)).ToList(),
                []),
        ];
    }
}
