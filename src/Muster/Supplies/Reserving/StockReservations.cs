using Muster.Infrastructure;

namespace Muster.Supplies.Reserving;

/// <summary>
/// The pure decisions behind supply requests and transfers: reserve what is available, release a holder's
/// reservation, issue it from the shelf first-expiring first.
/// </summary>
public static class StockReservations
{
    public static Result<StockReserved> Reserve(StockLine? line, Guid holderId, ReservationHolder holder, int quantity)
    {
        if (StockRules.Quantity(quantity) is { } invalid)
        {
            return invalid;
        }

        var available = line?.Available ?? 0;
        return quantity > available
            ? new DomainError(ErrorCodes.InsufficientStock, $"{available} available, {quantity} asked", "quantity")
            : new StockReserved(line!.Id, line.DepotId, line.ItemCode, holderId, holder, quantity);
    }

    /// <summary>What the holder had reserved, released; null when it holds nothing on this line.</summary>
    public static ReservationReleased? Release(StockLine? line, Guid holderId, string reason)
    {
        var reserved = line?.ReservedFor(holderId) ?? 0;
        return reserved == 0 ? null : new ReservationReleased(line!.Id, line.DepotId, line.ItemCode, holderId, reserved, reason);
    }

    /// <summary>
    /// The holder's whole reservation leaves the shelf, lot by lot, first-expiring first (lots expired by
    /// <paramref name="today"/> last); null when it holds nothing.
    /// </summary>
    public static StockIssued? Issue(StockLine? line, Guid holderId, DateOnly? today = null)
    {
        var reserved = line?.ReservedFor(holderId) ?? 0;
        if (reserved == 0)
        {
            return null;
        }

        // Reserved never exceeds on hand (the table's check), so the lots always cover it.
        var lots = StockLineEvolution.FirstExpiringFirst(line!, reserved, today)
            ?? throw new InvalidOperationException($"stock line {line!.Id} has fewer on hand than reserved");
        return new StockIssued(line!.Id, line.DepotId, line.ItemCode, holderId, reserved, lots);
    }
}
