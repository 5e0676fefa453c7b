using Muster.Infrastructure.Writing;
using Muster.Supplies;

namespace Muster.Transfers;

/// <summary>A transfer is asked for; its quantity is reserved at the source in the same transaction.</summary>
public sealed record TransferStarted(Guid TransferId, Guid FromDepotId, Guid ToDepotId, string ItemCode, int Quantity, string? Note) : IEventOf<Transfer>;

/// <summary>The reserved stock left the source in these lots: in transit to the destination.</summary>
public sealed record TransferShipped(
    Guid TransferId, Guid FromDepotId, Guid ToDepotId, string ItemCode, int Quantity, IReadOnlyList<LotQuantity> Lots, string Vehicle, string Driver) : IEventOf<Transfer>;

/// <summary>The destination took the stock onto its shelf, in these lots (named as shipped unless a name was taken there).</summary>
public sealed record TransferReceived(Guid TransferId, Guid ToDepotId, string ItemCode, int Quantity, IReadOnlyList<LotQuantity> Lots) : IEventOf<Transfer>;

/// <summary>The transfer was called off before shipping; its reservation at the source was released.</summary>
public sealed record TransferCancelled(Guid TransferId, string Reason) : IEventOf<Transfer>;
