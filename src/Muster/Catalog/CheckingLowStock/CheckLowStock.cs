using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Quartz;

namespace Muster.Catalog.CheckingLowStock;

public sealed class LowStockOptions
{
    public const string Section = "Supplies:LowStock";

    /// <summary>How often the check runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Compares, for every item with a minimum, the stock available across all open depots with that minimum, and
/// records <see cref="LowStockAlerted"/> or <see cref="LowStockCleared"/> when the item's state changes, as the job
/// <c>job:low-stock</c>. Running it again changes nothing more. Clustered: one replica runs it each time.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CheckLowStock(IDocumentStore store, AvailableStock stock, EventWriter writer) : IJob
{
    public static readonly JobKey Key = new("check-low-stock", "supplies");
    public static readonly Actor Actor = Actor.Job("low-stock");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Item> items;
        await using (var query = store.QuerySession())
        {
            items = await query.Query<Item>().Where(i => i.MinimumStock != null).OrderBy(i => i.Code).ToListAsync(cancellationToken);
        }

        if (items.Count == 0)
        {
            return;
        }

        var available = await stock.ByItemAsync(items.Select(i => i.Code).ToList(), cancellationToken);
        foreach (var item in items.Where(i => LowStockDecision.Decide(i, available.GetValueOrDefault(i.Code)) is not null))
        {
            await RecordAsync(item.Id, available.GetValueOrDefault(item.Code), cancellationToken);
        }
    }

    /// <summary>Decides again on the item as fetched for writing; if it changed meanwhile, the next run sees it.</summary>
    private Task RecordAsync(Guid itemId, int available, CancellationToken ct) =>
        writer.ActingAs(Actor).ChangeAsync<Item, object?>(itemId,
            (item, _) => Result<object?>.Ok(item is null ? null : LowStockDecision.Decide(item, available)), null, ct);
}
