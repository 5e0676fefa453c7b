using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Muster.Transfers;

namespace Muster.Supplies.Levels;

/// <summary>
/// Keeps <see cref="StockLevelsTable"/> in the same transaction as the stock lines' and transfers' events, and rebuilds
/// it from them: the one writer of that table.
/// </summary>
#pragma warning disable CA1822 // Marten finds the Project methods on the projection instance.
public partial class StockLevelsProjection : EventProjection
{
    public StockLevelsProjection()
    {
        SchemaObjects.Add(StockLevelsTable.Define());
        Options.DeleteDataInTableOnTeardown(StockLevelsTable.Name);
    }

    public void Project(IEvent<StockReceived> e, IDocumentOperations ops) => Change(ops, e);

    public void Project(IEvent<StockReserved> e, IDocumentOperations ops) => Change(ops, e);

    public void Project(IEvent<ReservationReleased> e, IDocumentOperations ops) => Change(ops, e);

    public void Project(IEvent<StockIssued> e, IDocumentOperations ops) => Change(ops, e);

    public void Project(IEvent<StockCounted> e, IDocumentOperations ops) => Change(ops, e);

    public void Project(IEvent<StockWrittenOff> e, IDocumentOperations ops) => Change(ops, e);

    public void Project(IEvent<TransferShipped> e, IDocumentOperations ops) => Change(ops, e);

    public void Project(IEvent<TransferReceived> e, IDocumentOperations ops) => Change(ops, e);

    /// <summary>Adds an event's change (<see cref="StockLevelChange.Of"/>) to its stock line's counts; the table's checks see the result.</summary>
    private static void Change(IDocumentOperations ops, IEvent e)
    {
        var change = StockLevelChange.Of(e)!;
        if (change.MayCreateRow)
        {
            ops.QueueSqlCommand(
                $"insert into {StockLevelsTable.Name} as s (id, depot_id, item_code, on_hand, reserved, in_transit, updated_at) " +
                "values (?, ?, ?, ?, 0, ?, ?) on conflict (id) do update set " +
                "on_hand = s.on_hand + excluded.on_hand, in_transit = s.in_transit + excluded.in_transit, updated_at = excluded.updated_at",
                change.StockLineId, change.DepotId, change.ItemCode, change.OnHand, change.InTransit, change.At);
            return;
        }

        ops.QueueSqlCommand(
            $"update {StockLevelsTable.Name} set on_hand = on_hand + ?, reserved = reserved + ?, in_transit = in_transit + ?, updated_at = ? where id = ?",
            change.OnHand, change.Reserved, change.InTransit, change.At, change.StockLineId);
    }
}
