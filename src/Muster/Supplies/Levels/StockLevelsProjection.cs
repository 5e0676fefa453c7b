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

    public void Project(IEvent<StockReceived> e, IDocumentOperations ops) => Change(ops, e, e.Data, onHand: e.Data.Quantity);

    public void Project(IEvent<StockReserved> e, IDocumentOperations ops) => Change(ops, e, e.Data, reserved: e.Data.Quantity);

    public void Project(IEvent<ReservationReleased> e, IDocumentOperations ops) => Change(ops, e, e.Data, reserved: -e.Data.Quantity);

    public void Project(IEvent<StockIssued> e, IDocumentOperations ops) => Change(ops, e, e.Data, onHand: -e.Data.Quantity, reserved: -e.Data.Quantity);

    public void Project(IEvent<StockCounted> e, IDocumentOperations ops) => Change(ops, e, e.Data, onHand: e.Data.Difference);

    public void Project(IEvent<StockWrittenOff> e, IDocumentOperations ops) => Change(ops, e, e.Data, onHand: -e.Data.Quantity);

    // A shipped transfer counts as in transit at its destination until it is received there.
    public void Project(IEvent<TransferShipped> e, IDocumentOperations ops) =>
        Change(ops, e, StockLineId.Of(e.Data.ToDepotId, e.Data.ItemCode), e.Data.ToDepotId, e.Data.ItemCode, inTransit: e.Data.Quantity);

    public void Project(IEvent<TransferReceived> e, IDocumentOperations ops) =>
        Change(ops, e, StockLineId.Of(e.Data.ToDepotId, e.Data.ItemCode), e.Data.ToDepotId, e.Data.ItemCode, inTransit: -e.Data.Quantity);

    /// <summary>
    /// Adds to a stock line's counts; the table's checks see the result. Only a change that adds stock may create the
    /// row: PostgreSQL checks the row an upsert proposes before it finds the conflict, so a reservation would fail there.
    /// </summary>
    private static void Change(IDocumentOperations ops, IEvent e, IStockLineEvent line, int onHand = 0, int reserved = 0, int inTransit = 0) =>
        Change(ops, e, line.StockLineId, line.DepotId, line.ItemCode, onHand, reserved, inTransit);

    private static void Change(
        IDocumentOperations ops, IEvent e, Guid stockLineId, Guid depotId, string itemCode, int onHand = 0, int reserved = 0, int inTransit = 0)
    {
        if (onHand >= 0 && reserved == 0 && inTransit >= 0)
        {
            ops.QueueSqlCommand(
                $"insert into {StockLevelsTable.Name} as s (id, depot_id, item_code, on_hand, reserved, in_transit, updated_at) " +
                "values (?, ?, ?, ?, 0, ?, ?) on conflict (id) do update set " +
                "on_hand = s.on_hand + excluded.on_hand, in_transit = s.in_transit + excluded.in_transit, updated_at = excluded.updated_at",
                stockLineId, depotId, itemCode, onHand, inTransit, e.Timestamp);
            return;
        }

        ops.QueueSqlCommand(
            $"update {StockLevelsTable.Name} set on_hand = on_hand + ?, reserved = reserved + ?, in_transit = in_transit + ?, updated_at = ? where id = ?",
            onHand, reserved, inTransit, e.Timestamp, stockLineId);
    }
}
