using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;
using Muster.Supplies.Reserving;

namespace Muster.Requests.Dispatching;

public sealed record DispatchShipment(Guid RequestId, string Vehicle, string Driver, DateTimeOffset ExpectedArrival);

public static class DispatchShipmentDecision
{
    /// <summary>
    /// Everything allocated leaves its depots: each stock line issues the request's whole reservation, lot by lot,
    /// first-expiring first. A partial allocation ships what it holds; its shortfalls stay on record.
    /// </summary>
    public static Result<RequestChange> Decide(
        SupplyRequest? request, IReadOnlyDictionary<Guid, StockLine?> lines, DispatchShipment command, Actor actor, DateTimeOffset now)
    {
        if (request is null)
        {
            return RequestRules.NotFound;
        }

        if ((RequestRules.MayManage(actor)
            ?? RequestRules.InState(request, "dispatched", SupplyRequestStatus.Allocated, SupplyRequestStatus.PartiallyAllocated)
            ?? Name(command.Vehicle, "vehicle") ?? Name(command.Driver, "driver")) is { } refused)
        {
            return refused;
        }

        if (command.ExpectedArrival < now)
        {
            return DomainError.Validation("expectedArrival is in the past", "expectedArrival");
        }

        var issued = new List<StockIssued>();
        foreach (var allocation in request.Allocations.OrderBy(a => a.StockLineId))
        {
            // The reservation was made with the allocation and is released only with the request's own events.
            if (StockReservations.Issue(lines.GetValueOrDefault(allocation.StockLineId), request.Id, DateOnly.FromDateTime(now.UtcDateTime)) is not { } issue || issue.Quantity != allocation.Quantity)
            {
                return DomainError.Conflict($"the reservation of {allocation.ItemCode} no longer matches the allocation; allocate again", "requestId");
            }

            issued.Add(issue);
        }

        var items = issued.Select(i => new ShippedStock(i.DepotId, i.ItemCode, i.Quantity, i.Lots)).ToList();
        return new RequestChange(issued,
            [new ShipmentDispatched(request.Id, command.Vehicle.Trim(), command.Driver.Trim(), command.ExpectedArrival, items)]);
    }

    private static DomainError? Name(string text, string field) =>
        text.Trim().Length is 0 or > RequestRules.MaxNameLength
            ? DomainError.Validation($"{field} must have 1 to {RequestRules.MaxNameLength} characters", field)
            : null;
}

public sealed class DispatchShipmentHandler(EventWriter writer, TimeProvider time)
{
    public Task<Result<SupplyRequest>> Handle(DispatchShipment command, CancellationToken ct) =>
        writer.ChangeRequestAsync(command.RequestId,
            (request, lines, actor) => DispatchShipmentDecision.Decide(request, lines, command, actor, time.GetUtcNow()), ct);
}
