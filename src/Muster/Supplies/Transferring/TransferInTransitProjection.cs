using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Muster.Supplies.Levels;

namespace Muster.Supplies.Transferring;

/// <summary>
/// Counts shipped transfers in the destination's stock level (<c>in_transit</c>) until they are received, in the same
/// transaction as the transfer's events. It owns no table: rebuild it together with <see cref="StockLevelsProjection"/>,
/// whose teardown empties the table both write to.
/// </summary>
#pragma warning disable CA1822 // Marten finds the Project methods on the projection instance.
public partial class TransferInTransitProjection : EventProjection
{
    public void Project(IEvent<TransferShipped> e, IDocumentOperations ops) =>
        StockLevelsProjection.Change(ops, e, StockLineId.Of(e.Data.ToDepotId, e.Data.ItemCode), e.Data.ToDepotId, e.Data.ItemCode, inTransit: e.Data.Quantity);

    public void Project(IEvent<TransferReceived> e, IDocumentOperations ops) =>
        StockLevelsProjection.Change(ops, e, StockLineId.Of(e.Data.ToDepotId, e.Data.ItemCode), e.Data.ToDepotId, e.Data.ItemCode, inTransit: -e.Data.Quantity);
}
