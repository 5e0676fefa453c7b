using JasperFx.Events;
using Muster.Transfers;

namespace Muster.Supplies.Levels;

/// <summary>
/// What one event changes of a stock line's counts: the one rule that the inline <see cref="StockLevelsProjection"/>
/// and the set-based rebuild (<see cref="Rebuilding.StockRebuild"/>) both follow.
/// </summary>
public sealed record StockLevelChange(Guid StockLineId, Guid DepotId, string ItemCode, int OnHand, int Reserved, int InTransit, DateTimeOffset At)
{
    /// <summary>
    /// Only a change that adds stock may create a line's row; any other change to a line without a row changes nothing.
    /// (PostgreSQL checks the row an upsert proposes before it finds the conflict, so a reservation would fail there.)
    /// </summary>
    public bool MayCreateRow => OnHand >= 0 && Reserved == 0 && InTransit >= 0;

    /// <summary>The change an event makes; null for an event that changes no count.</summary>
    public static StockLevelChange? Of(IEvent e) => e.Data switch
    {
        StockReceived d => OfLine(d, e, onHand: d.Quantity),
        StockReserved d => OfLine(d, e, reserved: d.Quantity),
        ReservationReleased d => OfLine(d, e, reserved: -d.Quantity),
        StockIssued d => OfLine(d, e, onHand: -d.Quantity, reserved: -d.Quantity),
        StockCounted d => OfLine(d, e, onHand: d.Difference),
        StockWrittenOff d => OfLine(d, e, onHand: -d.Quantity),

        // A shipped transfer counts as in transit at its destination until it is received there.
        TransferShipped d => new(Supplies.StockLineId.Of(d.ToDepotId, d.ItemCode), d.ToDepotId, d.ItemCode, 0, 0, d.Quantity, e.Timestamp),
        TransferReceived d => new(Supplies.StockLineId.Of(d.ToDepotId, d.ItemCode), d.ToDepotId, d.ItemCode, 0, 0, -d.Quantity, e.Timestamp),
        _ => null,
    };

    /// <summary>
    /// A line's level after this change, as the inline projection's SQL leaves its row: null while no change has
    /// created it.
    /// </summary>
    public StockLevel? AppliedTo(StockLevel? level) => level is null
        ? MayCreateRow ? new StockLevel(StockLineId, DepotId, ItemCode, OnHand, Reserved, InTransit, At) : null
        : level with { OnHand = level.OnHand + OnHand, Reserved = level.Reserved + Reserved, InTransit = level.InTransit + InTransit, UpdatedAt = At };

    private static StockLevelChange OfLine(IStockLineEvent line, IEvent e, int onHand = 0, int reserved = 0) =>
        new(line.StockLineId, line.DepotId, line.ItemCode, onHand, reserved, 0, e.Timestamp);
}
