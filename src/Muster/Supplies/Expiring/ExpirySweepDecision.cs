using System.Globalization;

namespace Muster.Supplies.Expiring;

/// <summary>What the daily expiry sweep records on one stock line; pure, and quiet the second time round.</summary>
public static class ExpirySweepDecision
{
    /// <summary>
    /// A lot is expired from its expiry day on (as receiving refuses such a lot). Expired lots are written off as far
    /// as the stock is unreserved, first-expiring first; what stays on the shelf and expires within
    /// <paramref name="warningDays"/> (expired but reserved included) is warned of once per lot.
    /// </summary>
    public static IReadOnlyList<IStockLineEvent> Decide(StockLine line, DateOnly today, int warningDays)
    {
        var events = new List<IStockLineEvent>();
        var horizon = today.AddDays(warningDays);
        var unreserved = line.Available;
        var due = line.Lots
            .Where(l => l.ExpiresOn is { } expiry && expiry <= horizon)
            .OrderBy(l => l.ExpiresOn).ThenBy(l => l.Lot, StringComparer.Ordinal);
        foreach (var lot in due)
        {
            var expiresOn = lot.ExpiresOn!.Value;
            var writtenOff = expiresOn <= today ? Math.Min(lot.Quantity, unreserved) : 0;
            if (writtenOff > 0)
            {
                unreserved -= writtenOff;
                events.Add(new StockWrittenOff(line.Id, line.DepotId, line.ItemCode, lot.Lot, writtenOff, WriteOffReason.Expired,
                    $"expired on {expiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; written off by the daily expiry sweep"));
            }

            if (lot.Quantity > writtenOff && !line.WarnedLots.Contains(lot.Lot))
            {
                events.Add(new LotExpiryWarned(line.Id, line.DepotId, line.ItemCode, lot.Lot, expiresOn, lot.Quantity - writtenOff));
            }
        }

        return events;
    }
}
