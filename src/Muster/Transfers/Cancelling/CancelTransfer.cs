using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;
using Muster.Supplies.Reserving;
using Muster.Transfers;

namespace Muster.Transfers.Cancelling;

/// <summary>Call a transfer off before it ships.</summary>
public sealed record CancelTransfer(Guid TransferId, string Reason);

/// <summary>The transfer cancelled, and its reservation released at the source (none when nothing was held).</summary>
public sealed record TransferCancellation(TransferCancelled Cancelled, ReservationReleased? Released) : ITransferStep
{
    public object TransferEvent => Cancelled;

    public IReadOnlyList<IStockLineEvent> StockEvents => Released is null ? [] : [Released];
}

public static class CancelTransferDecision
{
    /// <summary>Whoever keeps the source cancels, only while the stock is still there (RESERVED).</summary>
    public static Result<TransferCancellation> Decide(TransferForWriting at, CancelTransfer command, Actor actor)
    {
        if ((TransferRules.Visible(at, actor) ?? TransferRules.MayActAt(at.From!, actor, "cancels")
                ?? TransferRules.InStatus(at.Transfer!, TransferStatus.Reserved, "cancelled")) is { } refused)
        {
            return refused;
        }

        var reason = StockRules.Text(command.Reason, "reason", required: true);
        if (!reason.Succeeded)
        {
            return Result<TransferCancellation>.Fail(reason.Errors);
        }

        var transfer = at.Transfer!;
        return new TransferCancellation(new TransferCancelled(transfer.Id, reason.Value!), StockReservations.Release(at.Line, transfer.Id, reason.Value!));
    }
}

public sealed class CancelTransferHandler(EventWriter writer)
{
    public Task<Result<Transfer>> Handle(CancelTransfer command, CancellationToken ct) =>
        writer.StepTransferAsync(command.TransferId, TransferEnd.Source, (at, actor) => CancelTransferDecision.Decide(at, command, actor), ct);
}
