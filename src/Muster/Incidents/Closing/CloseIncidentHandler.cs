using Marten;
using Muster.Experts;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Requests;
using Muster.Supplies;
using Muster.Units;

namespace Muster.Incidents.Closing;

/// <summary>Closes an incident and lets go of what was sent to it, in one transaction (streams of each kind in id order).</summary>
public sealed class CloseIncidentHandler(EventWriter writer)
{
    public Task<Result<Incident>> Handle(CloseIncident command, CancellationToken ct) =>
        writer.WriteAsync<Incident>(
            async (session, _, token) =>
            {
                var known = await session.LoadAsync<Incident>(command.IncidentId, token);
                var units = await session.FetchForWritingAsync<RescueUnit>(known?.AssignedUnitIds ?? [], token);
                var experts = await session.FetchForWritingAsync<Expert>(known?.EngagedExpertIds ?? [], token);
                var requests = await session.FetchForWritingAsync<SupplyRequest>(known?.SupplyRequestIds ?? [], token);
                var lines = await session.FetchForWritingAsync<StockLine>(
                    requests.Values.SelectMany(r => r.Aggregate?.ReservedLines() ?? []), token);
                var incident = await session.Events.FetchForWriting<Incident>(command.IncidentId, token);
                var decision = CloseIncidentDecision.Decide(
                    incident.Aggregate, command, units.Aggregates(), experts.Aggregates(), requests.Aggregates(), lines.Aggregates());
                if (!decision.Succeeded)
                {
                    return Result<Written<Incident>>.Fail(decision.Errors);
                }

                var closure = decision.Value!;
                closure.Units.ToList().ForEach(e => units[e.UnitId].AppendOne(e));
                closure.Experts.ToList().ForEach(e => experts[e.ExpertId].AppendOne(e));
                closure.Stock.ToList().ForEach(e => lines[e.StockLineId].AppendOne(e));
                closure.Requests.ToList().ForEach(e => requests[e.RequestId].AppendOne(e));
                incident.AppendOne(closure.Closed);
                return Written.To(incident);
            },
            DomainError.Conflict("the incident or what was sent to it kept changing; try again", "incidentId"),
            ct, OnLostRace.DecideAgain);
}
