using Muster.Experts;
using Muster.Infrastructure;
using Muster.Requests;
using Muster.Requests.Cancelling;
using Muster.Supplies;
using Muster.Units;

namespace Muster.Incidents.Closing;

public sealed record CloseIncident(Guid IncidentId, string Reason);

/// <summary>Everything closing writes: the units and experts let go, the unshipped supply requests withdrawn, the incident closed.</summary>
public sealed record IncidentClosure(
    IReadOnlyList<UnitStatusChanged> Units,
    IReadOnlyList<ExpertAvailabilityChanged> Experts,
    IReadOnlyList<IStockLineEvent> Stock,
    IReadOnlyList<SupplyRequestCancelled> Requests,
    IncidentClosed Closed);

public static class CloseIncidentDecision
{
    /// <summary>
    /// Units sent to the incident return (ASSIGNED ones are free again at once, those on the road or on scene are
    /// RETURNING); engaged experts are available again; supply requests of the incident that have not shipped are
    /// cancelled and what they held released. Shipments already on the road stay on record and arrive as planned.
    /// </summary>
    public static Result<IncidentClosure> Decide(
        Incident? incident, CloseIncident command,
        IReadOnlyDictionary<Guid, RescueUnit?> units, IReadOnlyDictionary<Guid, Expert?> experts,
        IReadOnlyDictionary<Guid, SupplyRequest?> requests, IReadOnlyDictionary<Guid, StockLine?> lines)
    {
        if (IncidentRules.MayChange(incident) is { } refused)
        {
            return refused;
        }

        var reason = IncidentRules.Text(command.Reason, "reason", IncidentRules.MaxTextLength, required: true);
        if (!reason.Succeeded)
        {
            return Result<IncidentClosure>.Fail(reason.Errors);
        }

        var why = $"incident closed: {incident!.Title}";
        var released = units.Values.OfType<RescueUnit>()
            .Select(u => u.Status switch
            {
                UnitStatus.Assigned => new UnitStatusChanged(u.Id, u.Status, UnitStatus.Available, why),
                UnitStatus.EnRoute or UnitStatus.OnScene => new UnitStatusChanged(u.Id, u.Status, UnitStatus.Returning, why),
                _ => null,
            })
            .OfType<UnitStatusChanged>().ToList();
        var freed = experts.Values.OfType<Expert>().Where(e => e.Availability == ExpertAvailability.Engaged)
            .Select(e => new ExpertAvailabilityChanged(e.Id, e.Availability, ExpertAvailability.Available, why)).ToList();
        var withdrawn = requests.Values.OfType<SupplyRequest>()
            .Where(r => r.Status is SupplyRequestStatus.Requested or SupplyRequestStatus.Approved or SupplyRequestStatus.Allocated or SupplyRequestStatus.PartiallyAllocated)
            .ToList();
        return new IncidentClosure(
            released,
            freed,
            withdrawn.SelectMany(r => CancelSupplyRequestDecision.ReleaseAll(r, lines, why)).ToList(),
            withdrawn.Select(r => new SupplyRequestCancelled(r.Id, why)).ToList(),
            new IncidentClosed(incident.Id, reason.Value!, released.Select(u => u.UnitId).ToList(), freed.Select(e => e.ExpertId).ToList()));
    }
}
