namespace Muster.Supplies.Transferring;

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
    string? CancelReason);

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
