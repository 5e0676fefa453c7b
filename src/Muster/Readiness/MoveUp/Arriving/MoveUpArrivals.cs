using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Spatial;
using Muster.Units;
using Quartz;

namespace Muster.Readiness.MoveUp.Arriving;

/// <summary>
/// Ends move-ups: a unit moving up whose expected arrival has come, or that has reported a position at its post since
/// the move was approved, has arrived: <see cref="UnitArrivedAtPost"/> and AVAILABLE there, in one transaction.
/// Clustered: one replica runs it, every <see cref="MoveUpOptions.ArrivalSweep"/>. A unit whose status changed on the way
/// (sent to an incident, out of service) is no longer moving up and is left alone.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MoveUpArrivals(IDocumentStore store, EventWriter writer, MoveUpOptions options, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("move-up-arrivals", "readiness");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    /// <summary>How many units arrived.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        IReadOnlyList<Guid> moving;
        await using (var query = store.QuerySession())
        {
            moving = await query.Query<RescueUnit>().Where(u => u.MovingUp != null).Select(u => u.Id).ToListAsync(ct);
        }

        var arrived = 0;
        foreach (var id in moving)
        {
            var written = await writer.ActingAs(Actor.Job("move-up-arrivals")).RunAsync<bool>(
                async (session, _, token) =>
                {
                    var stream = await session.Events.FetchForWriting<RescueUnit>(id, token);
                    if (Arrival(stream.Aggregate, time.GetUtcNow(), options.ArrivedWithinMeters) is not { } arrival)
                    {
                        return false;
                    }

                    stream.AppendMany(arrival, new UnitStatusChanged(id, UnitStatus.EnRoute, UnitStatus.Available, "arrived at the move-up post"));
                    return true;
                },
                null, ct, OnLostRace.DecideAgain);
            arrived += written.Succeeded && written.Value ? 1 : 0;
        }

        return arrived;
    }

    /// <summary>The arrival to record now, or null while the unit is still on its way (or no longer moving up).</summary>
    public static UnitArrivedAtPost? Arrival(RescueUnit? unit, DateTimeOffset now, double withinMeters)
    {
        if (unit is not { MovingUp: { } move, Status: UnitStatus.EnRoute })
        {
            return null;
        }

        if (unit.PositionAt is { } reportedAt && reportedAt >= move.Since && Ellipsoid.Meters(unit.Location, move.Post) <= withinMeters)
        {
            return new UnitArrivedAtPost(unit.Id, move.MoveUpId, move.PostId, move.Post, reportedAt < now ? reportedAt : now);
        }

        return move.ExpectedAt <= now ? new UnitArrivedAtPost(unit.Id, move.MoveUpId, move.PostId, move.Post, move.ExpectedAt) : null;
    }
}
