using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;
using Muster.Supplies.Reserving;
using Muster.Transfers;

namespace Muster.Transfers.Shipping;

/// <summary>The reserved stock leaves the source on a vehicle.</summary>
public sealed record ShipTransfer(Guid TransferId, string Vehicle, string Driver);

/// <summary>The transfer shipped, and its reservation issued at the source, first-expiring lots first.</summary>
public sealed record TransferShipment(TransferShipped Shipped, StockIssued Issued) : ITransferStep
{
    public object TransferEvent => Shipped;

    public IReadOnlyList<IStockLineEvent> StockEvents => [Issued];
}

public static class ShipTransferDecision
{
    /// <summary>Whoever keeps the source ships; a destination closed meanwhile takes nothing in (cancel instead).</summary>
    public static Result<TransferShipment> Decide(TransferForWriting at, ShipTransfer command, Actor actor, DateOnly? today = null)
    {
        if ((TransferRules.Visible(at, actor) ?? TransferRules.MayActAt(at.From!, actor, "ships")
                ?? TransferRules.InStatus(at.Transfer!, TransferStatus.Reserved, "shipped")) is { } refused)
        {
            return refused;
        }

        if (at.To!.Closed)
        {
            return DomainError.InvalidState("the destination depot has closed: cancel the transfer", "transferId");
        }

        var vehicle = TransferRules.Carrier(command.Vehicle, "vehicle");
        var driver = TransferRules.Carrier(command.Driver, "driver");
        if (!vehicle.Succeeded || !driver.Succeeded)
        {
            return Result<TransferShipment>.Fail([.. vehicle.Errors, .. driver.Errors]);
        }

        var transfer = at.Transfer!;
        if (StockReservations.Issue(at.Line, transfer.Id, today) is not { } issued)
        {
            return DomainError.InvalidState("nothing is reserved at the source for this transfer", "transferId");
        }

        return new TransferShipment(
            new TransferShipped(transfer.Id, transfer.FromDepotId, transfer.ToDepotId, transfer.ItemCode, issued.Quantity, issued.Lots, vehicle.Value!, driver.Value!),
            issued);
    }
}

public sealed class ShipTransferHandler(EventWriter writer, TimeProvider time)
{
    public Task<Result<Transfer>> Handle(ShipTransfer command, CancellationToken ct) =>
        writer.StepTransferAsync(command.TransferId, TransferEnd.Source,
            (at, actor) => ShipTransferDecision.Decide(at, command, actor, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)), ct);
}
