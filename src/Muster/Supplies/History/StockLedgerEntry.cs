using Muster.Infrastructure;

namespace Muster.Supplies.History;

public enum LedgerEntryKind
{
    Received,
    Reserved,
    Released,
    Issued,
    Counted,
    WrittenOff,
    ExpiryWarned,
}

/// <summary>
/// One event of a stock line as the ledger shows it: when, what (the change of on-hand and of reserved, lot by lot),
/// why, who, and the balance after it.
/// </summary>
public sealed record StockLedgerEntry(
    long Version,
    DateTimeOffset At,
    LedgerEntryKind Kind,
    int Quantity,
    int ReservedChange,
    IReadOnlyList<LotQuantity> Lots,
    int OnHandAfter,
    int ReservedAfter,
    string? Lot,
    string? Reason,
    string? Note,
    Guid? HolderId,
    ReservationHolder? Holder,
    StockSource? Source,
    Actor? Actor)
{
    public int AvailableAfter => OnHandAfter - ReservedAfter;
}
