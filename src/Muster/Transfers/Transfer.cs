using JasperFx.Events;
using Muster.Infrastructure.Writing;
using Muster.Supplies;

namespace Muster.Transfers;

/// <summary>
/// Stock moving from one depot to another (调拨), its own stream: reserved at the source, shipped (issued there,
/// first-expiring lots first, and in transit to the destination), received at the destination with the same lots.
/// </summary>
public sealed record Transfer(
    Guid Id,
    Guid FromDepotId,
    Guid ToDepotId,
    string ItemCode,
    int Quantity,
    TransferStatus Status,
    IReadOnlyList<LotQuantity> Lots,
    string? Vehicle,
    string? Driver,
    string? Note,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ShippedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? CancelledAt,
    string? CancelReason) : IAggregate<Transfer>
{
    public static Transfer? After(Transfer? transfer, IEvent e) => (transfer, e.Data) switch
    {
        (_, TransferStarted started) => TransferEvolution.Create(started, e.Timestamp),
        (Transfer current, var data) => TransferEvolution.Evolve(current, data, e.Timestamp),
        _ => null,
    };
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

public enum TransferStatus
{
    /// <summary>Reserved at the source, not yet shipped.</summary>
    Reserved,

    /// <summary>Issued at the source, on its way: counted in transit at the destination.</summary>
    InTransit,

    /// <summary>On the destination's shelf.</summary>
    Received,

    /// <summary>Called off before shipping; the reservation was released.</summary>
    Cancelled,
}
