using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Muster.Supplies.Transferring;

/// <summary>The transfer document, kept inline so a writer fetches it and a reader sees its own writes.</summary>
public partial class TransferProjection : SingleStreamProjection<Transfer, Guid>
{
    public static Transfer Create(IEvent<TransferStarted> e) => TransferEvolution.Create(e.Data, e.Timestamp);

    public static Transfer Apply(IEvent<TransferShipped> e, Transfer transfer) => TransferEvolution.Evolve(transfer, e.Data, e.Timestamp);

    public static Transfer Apply(IEvent<TransferReceived> e, Transfer transfer) => TransferEvolution.Evolve(transfer, e.Data, e.Timestamp);

    public static Transfer Apply(IEvent<TransferCancelled> e, Transfer transfer) => TransferEvolution.Evolve(transfer, e.Data, e.Timestamp);
}

/// <summary>How a transfer follows from its events; pure.</summary>
public static class TransferEvolution
{
    public static Transfer Create(TransferStarted e, DateTimeOffset at) =>
        new(e.TransferId, e.FromDepotId, e.ToDepotId, e.ItemCode, e.Quantity, TransferStatus.Reserved, [], null, null, e.Note, at, null, null, null, null);

    public static Transfer Evolve(Transfer transfer, object @event, DateTimeOffset at) => @event switch
    {
        TransferShipped e => transfer with { Status = TransferStatus.InTransit, Lots = e.Lots, Vehicle = e.Vehicle, Driver = e.Driver, ShippedAt = at },
        TransferReceived e => transfer with { Status = TransferStatus.Received, Lots = e.Lots, ReceivedAt = at },
        TransferCancelled e => transfer with { Status = TransferStatus.Cancelled, CancelReason = e.Reason, CancelledAt = at },
        _ => transfer,
    };
}
