using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Units.Locating;
using Quartz;

namespace Muster.Units.Staleness;

/// <summary>
/// Every minute, records <see cref="UnitPositionWentStale"/> for units whose last AVL report is older than
/// the configured age, so that subscribers learn of it. Clustered: one replica runs it each time.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MarkStalePositions(EventWriter writer, TimeProvider time, UnitFinderOptions options) : IJob
{
    public static readonly JobKey Key = new("mark-stale-unit-positions", "units");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - options.StaleAfter;
        await writer.ActingAs(Actor.System).RunAsync(
            async (session, _, token) =>
            {
                var stale = await session.Query<RescueUnit>()
                    .Where(u => !u.PositionStale && u.PositionAt != null && u.PositionAt < cutoff)
                    .Take(1000)
                    .ToListAsync(token);
                foreach (var unit in stale)
                {
                    session.Events.Append(unit.Id, new UnitPositionWentStale(unit.Id, unit.PositionAt!.Value));
                }

                return Result<int>.Ok(stale.Count);
            },
            null, cancellationToken);
    }
}
