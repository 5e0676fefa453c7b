using System.Globalization;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;
using Muster.Transfers;

namespace Muster.Transfers.Receiving;

/// <summary>The destination confirms the transfer arrived.</summary>
public sealed record ReceiveTransfer(Guid TransferId);

/// <summary>The transfer received, and each shipped lot booked into the destination with its expiry.</summary>
public sealed record TransferReceipt(TransferReceived Received, IReadOnlyList<StockReceived> Receipts) : ITransferStep
{
    public object TransferEvent => Received;

    public IReadOnlyList<IStockLineEvent> StockEvents => Receipts;
}

public static class ReceiveTransferDecision
{
    /// <summary>
    /// Whoever keeps the destination receives. The lots arrive as shipped, with their expiry; a lot whose name the
    /// destination already holds with another expiry arrives under its name and the transfer's (one lot, one expiry).
    /// </summary>
    public static Result<TransferReceipt> Decide(TransferForWriting at, Actor actor)
    {
        if ((TransferRules.Visible(at, actor) ?? TransferRules.MayActAt(at.To!, actor, "receives")
                ?? TransferRules.InStatus(at.Transfer!, TransferStatus.InTransit, "received")) is { } refused)
        {
            return refused;
        }

        var transfer = at.Transfer!;
        var lineId = StockLineId.Of(transfer.ToDepotId, transfer.ItemCode);
        var lots = transfer.Lots.Select(l => l with { Lot = LotName(at.Line, l, transfer.Id) }).ToList();
        var receipts = lots
            .Select(l => new StockReceived(lineId, transfer.ToDepotId, transfer.ItemCode, l.Quantity, l.Lot, l.ExpiresOn, StockSource.Transferred, transfer.Id, transfer.Note))
            .ToList();
        return new TransferReceipt(new TransferReceived(transfer.Id, transfer.ToDepotId, transfer.ItemCode, lots.Sum(l => l.Quantity), lots), receipts);
    }

    private static string LotName(StockLine? destination, LotQuantity lot, Guid transferId)
    {
        if (destination?.Lot(lot.Lot) is not { } held || held.ExpiresOn == lot.ExpiresOn)
        {
            return lot.Lot;
        }

        var suffix = "/" + transferId.ToString("N", CultureInfo.InvariantCulture)[^8..];
        return lot.Lot[..Math.Min(lot.Lot.Length, StockRules.MaxLotLength - suffix.Length)] + suffix;
    }
}

public sealed class ReceiveTransferHandler(EventWriter writer)
{
    public Task<Result<Transfer>> Handle(ReceiveTransfer command, CancellationToken ct) =>
        writer.StepTransferAsync(command.TransferId, TransferEnd.Destination, (at, actor) => ReceiveTransferDecision.Decide(at, actor), ct);
}
