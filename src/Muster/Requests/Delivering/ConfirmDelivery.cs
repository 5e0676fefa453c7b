using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;

namespace Muster.Requests.Delivering;

public sealed record ConfirmDelivery(Guid RequestId, IReadOnlyList<ItemQuantity> Received, string? Note);

public static class ConfirmDeliveryDecision
{
    /// <summary>
    /// The shipment arrived: every shipped item is counted (0 for one that did not arrive). More than shipped is a
    /// miscount and refused; less is recorded as a discrepancy.
    /// </summary>
    public static Result<DeliveryConfirmed> Decide(SupplyRequest? request, ConfirmDelivery command, Actor actor)
    {
        if ((RequestRules.MayActOn(request, actor) ?? RequestRules.InState(request!, "confirmed as delivered", SupplyRequestStatus.InTransit)) is { } refused)
        {
            return refused;
        }

        var shipped = request!.Shipment!.Items.GroupBy(i => i.ItemCode).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        for (var i = 0; i < command.Received.Count; i++)
        {
            var line = command.Received[i];
            var field = $"received[{i}]";
            if (!shipped.TryGetValue(line.ItemCode, out var quantity))
            {
                return DomainError.Validation($"item {line.ItemCode} was not shipped with this request", field + ".itemCode");
            }

            if (command.Received.Take(i).Any(r => r.ItemCode == line.ItemCode))
            {
                return DomainError.Validation($"item {line.ItemCode} is counted twice", field + ".itemCode");
            }

            if (line.Quantity < 0 || line.Quantity > quantity)
            {
                return DomainError.Validation($"{line.ItemCode}: between 0 and the {quantity} shipped may arrive, got {line.Quantity}", field + ".quantity");
            }
        }

        if (shipped.Keys.FirstOrDefault(code => command.Received.All(r => r.ItemCode != code)) is { } uncounted)
        {
            return DomainError.Validation($"item {uncounted} was shipped but not counted: give 0 if none arrived", "received");
        }

        var note = StockRules.Text(command.Note, "note", required: false);
        if (!note.Succeeded)
        {
            return Result<DeliveryConfirmed>.Fail(note.Errors);
        }

        var received = command.Received.OrderBy(r => r.ItemCode, StringComparer.Ordinal).ToList();
        var discrepancies = received.Where(r => r.Quantity < shipped[r.ItemCode])
            .Select(r => new Discrepancy(r.ItemCode, shipped[r.ItemCode], r.Quantity))
            .ToList();
        return new DeliveryConfirmed(request.Id, received, discrepancies, note.Value is "" ? null : note.Value);
    }
}

public sealed class ConfirmDeliveryHandler(EventWriter writer)
{
    public Task<Result<SupplyRequest>> Handle(ConfirmDelivery command, CancellationToken ct) =>
        writer.ChangeRequestAsync(command.RequestId, (request, _, actor) =>
        {
            var decision = ConfirmDeliveryDecision.Decide(request, command, actor);
            return decision.Succeeded ? (RequestChange)decision.Value! : Result<RequestChange>.Fail(decision.Errors);
        }, ct);
}
