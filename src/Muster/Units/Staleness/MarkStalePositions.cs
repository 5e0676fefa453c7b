using Marten;
using Muster.Infrastructure;
using Muster.Units.Locating;
using Quartz;

namespace Muster.Units.Staleness;

/// <summary>
/// Every minute, records <see cref="UnitPositionWentStale"/> for units whose last AVL report is older than
/// the configured age, so that subscribers learn of it. Clustered: one replica runs it each time.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MarkStalePositions(IDocumentStore store, TimeProvider time, UnitFinderOptions options) : IJob
{
    public static readonly JobKey Key = new("mark-stale-unit-positions", "units");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - options.StaleAfter;
        await using var session = store.LightweightSession();
        ActorMetadata.Stamp(session, Actor.System);
        var stale = await session.Query<RescueUnit>()
            .Where(u => !u.PositionStale && u.PositionAt != null && u.PositionAt < cutoff)
            .Take(1000)
            .ToListAsync(cancellationToken);
        foreach (var unit in stale)
        {
            session.Events.Append(unit.Id, new UnitPositionWentStale(unit.Id, unit.PositionAt!.Value));
        }

        if (stale.Count > 0)
        {
            await session.SaveChangesAsync(cancellationToken);
        }
    }
}
