using Marten;
using Muster.Experts;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Requests;
using Muster.Supplies;
using Muster.Units;

namespace Muster.Dispatch.Approving;

/// <summary>
/// Fetches everything the proposal names for writing (units, experts, stock lines each in id order, then the
/// incident), decides, appends, and commits in one transaction. A lost race decides again on fresh state, so a
/// CONFLICT answer means something really was taken.
/// </summary>
public sealed class ApproveDispatchHandler(EventWriter writer)
{
    public Task<Result<Incident>> Handle(ApproveDispatch command, CancellationToken ct)
    {
        var requestId = Guid.CreateVersion7();
        return writer.WriteAsync<Incident>(
            async (session, _, token) =>
            {
                var proposal = await session.LoadAsync<DispatchProposal>(command.ProposalId, token);
                if (proposal is null)
                {
                    return DomainError.NotFound("no such proposal", "proposalId");
                }

                var units = await session.FetchForWritingAsync<RescueUnit>(proposal.Units.Select(u => u.UnitId), token);
                var experts = await session.FetchForWritingAsync<Expert>(proposal.Experts.Select(e => e.ExpertId), token);
                var lines = await session.FetchForWritingAsync<StockLine>(proposal.Supplies.Select(s => StockLineId.Of(s.DepotId, s.ItemCode)), token);
                var incident = await session.Events.FetchForWriting<Incident>(proposal.IncidentId, token);
                var state = new ClaimedState(proposal, incident.Aggregate, units.Aggregates(), experts.Aggregates(), lines.Aggregates());
                var decision = ApproveDispatchDecision.Decide(state, command, requestId);
                if (!decision.Succeeded)
                {
                    return Result<Written<Incident>>.Fail(decision.Errors);
                }

                var claim = decision.Value!;
                claim.Units.ToList().ForEach(e => units[e.UnitId].AppendOne(e));
                claim.Experts.ToList().ForEach(e => experts[e.ExpertId].AppendOne(e));
                claim.Stock.ToList().ForEach(e => lines[e.StockLineId].AppendOne(e));
                if (claim.SupplyRequest.Count > 0)
                {
                    session.Events.StartStream<SupplyRequest>(requestId, claim.SupplyRequest);
                }

                incident.AppendOne(claim.Approved);
                return Written.To(incident);
            },
            DomainError.Conflict("what the proposal names kept changing; propose again", "proposalId"),
            ct, OnLostRace.DecideAgain);
    }
}
