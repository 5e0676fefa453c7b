using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;

namespace Muster.Requests.Rejecting;

public sealed record RejectSupplyRequest(Guid RequestId, string Reason);

public static class RejectSupplyRequestDecision
{
    /// <summary>A request is rejected before anything is reserved for it; once stock is held, cancelling releases it.</summary>
    public static Result<SupplyRequestRejected> Decide(SupplyRequest? request, RejectSupplyRequest command, Actor actor)
    {
        if (request is null)
        {
            return RequestRules.NotFound;
        }

        if ((RequestRules.MayManage(actor)
            ?? RequestRules.InState(request, "rejected", SupplyRequestStatus.Requested, SupplyRequestStatus.Approved)) is { } refused)
        {
            return refused;
        }

        var reason = StockRules.Text(command.Reason, "reason", required: true);
        return reason.Succeeded ? new SupplyRequestRejected(request.Id, reason.Value!) : Result<SupplyRequestRejected>.Fail(reason.Errors);
    }
}

public sealed class RejectSupplyRequestHandler(EventWriter writer)
{
    public Task<Result<SupplyRequest>> Handle(RejectSupplyRequest command, CancellationToken ct) =>
        writer.ChangeRequestAsync(command.RequestId, (request, _, actor) =>
        {
            var decision = RejectSupplyRequestDecision.Decide(request, command, actor);
            return decision.Succeeded ? (RequestChange)decision.Value! : Result<RequestChange>.Fail(decision.Errors);
        }, ct);
}
