using Marten;
using Muster.Depots;
using Muster.Infrastructure;

namespace Muster.Supplies.Expiring;

/// <summary>A lot on a depot's shelf that expires soon (or has expired): <see cref="DaysLeft"/> is negative once past.</summary>
public sealed record ExpiringLot(Guid DepotId, string ItemCode, string Lot, DateOnly ExpiresOn, int Quantity, int DaysLeft);

/// <summary>Lots expiring within some days, through depot visibility, found by the stock lines' indexed earliest expiry.</summary>
public sealed class ExpiringLots(IQuerySession session)
{
    public const int MaxRows = 1000;
    public const int MaxDays = 3650;

    /// <summary>Earliest expiry first, then by depot, item and lot; at most <see cref="MaxRows"/>.</summary>
    public async Task<IReadOnlyList<ExpiringLot>> FindAsync(
        DateOnly today, int withinDays, Guid? depotId, string? itemCode, Actor viewer, CancellationToken ct)
    {
        var horizon = today.AddDays(withinDays);
        var lines = session.Query<StockLine>().Where(l => l.EarliestExpiry <= horizon);
        if (depotId is { } depot)
        {
            lines = lines.Where(l => l.DepotId == depot);
        }

        if (itemCode is not null)
        {
            lines = lines.Where(l => l.ItemCode == itemCode);
        }

        if (viewer.Role == Role.Partner)
        {
            var visible = await session.Query<Depot>().VisibleTo(viewer).Select(d => d.Id).ToListAsync(ct);
            lines = lines.Where(l => visible.Contains(l.DepotId));
        }

        var found = await lines.ToListAsync(ct);
        return found
            .SelectMany(line => line.Lots
                .Where(l => l.ExpiresOn is { } expiry && expiry <= horizon)
                .Select(l => new ExpiringLot(line.DepotId, line.ItemCode, l.Lot, l.ExpiresOn!.Value, l.Quantity, l.ExpiresOn.Value.DayNumber - today.DayNumber)))
            .OrderBy(l => l.ExpiresOn).ThenBy(l => l.DepotId).ThenBy(l => l.ItemCode, StringComparer.Ordinal).ThenBy(l => l.Lot, StringComparer.Ordinal)
            .Take(MaxRows)
            .ToList();
    }
}
