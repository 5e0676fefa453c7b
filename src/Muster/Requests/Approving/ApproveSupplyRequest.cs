using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Requests.Approving;

public sealed record ApproveSupplyRequest(Guid RequestId);

public static class ApproveSupplyRequestDecision
{
    public static Result<SupplyRequestApproved> Decide(SupplyRequest? request, Actor actor) =>
        request is null ? RequestRules.NotFound
        : (RequestRules.MayManage(actor) ?? RequestRules.InState(request, "approved", SupplyRequestStatus.Requested)) is { } refused ? refused
        : new SupplyRequestApproved(request.Id);
}

public sealed class ApproveSupplyRequestHandler(EventWriter writer)
{
    public Task<Result<SupplyRequest>> Handle(ApproveSupplyRequest command, CancellationToken ct) =>
        writer.ChangeRequestAsync(command.RequestId, (request, _, actor) => Lift(ApproveSupplyRequestDecision.Decide(request, actor)), ct);

    private static Result<RequestChange> Lift(Result<SupplyRequestApproved> decision) =>
        decision.Succeeded ? (RequestChange)decision.Value! : Result<RequestChange>.Fail(decision.Errors);
}
