using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;
using Muster.Supplies.Reserving;

namespace Muster.Requests.Cancelling;

public sealed record CancelSupplyRequest(Guid RequestId, string Reason);

public static class CancelSupplyRequestDecision
{
    /// <summary>
    /// Logistics staff or the requesting agency withdraw a request before it ships; every reservation it holds is
    /// released with it.
    /// </summary>
    public static Result<RequestChange> Decide(
        SupplyRequest? request, IReadOnlyDictionary<Guid, StockLine?> lines, CancelSupplyRequest command, Actor actor)
    {
        if ((RequestRules.MayActOn(request, actor)
            ?? RequestRules.InState(request!, "cancelled", SupplyRequestStatus.Requested, SupplyRequestStatus.Approved,
                SupplyRequestStatus.Allocated, SupplyRequestStatus.PartiallyAllocated)) is { } refused)
        {
            return refused;
        }

        var reason = StockRules.Text(command.Reason, "reason", required: true);
        if (!reason.Succeeded)
        {
            return Result<RequestChange>.Fail(reason.Errors);
        }

        var released = ReleaseAll(request!, lines, "supply request cancelled: " + reason.Value);
        return new RequestChange(released, [new SupplyRequestCancelled(request!.Id, reason.Value!)]);
    }

    /// <summary>What the request holds on each of its stock lines, released.</summary>
    public static IReadOnlyList<IStockLineEvent> ReleaseAll(SupplyRequest request, IReadOnlyDictionary<Guid, StockLine?> lines, string reason) =>
        request.ReservedLines()
            .Select(id => StockReservations.Release(lines.GetValueOrDefault(id), request.Id, reason))
            .OfType<IStockLineEvent>()
            .ToList();
}

public sealed class CancelSupplyRequestHandler(EventWriter writer)
{
    public Task<Result<SupplyRequest>> Handle(CancelSupplyRequest command, CancellationToken ct) =>
        writer.ChangeRequestAsync(command.RequestId, (request, lines, actor) => CancelSupplyRequestDecision.Decide(request, lines, command, actor), ct);
}
