using JasperFx;
using JasperFx.Events;
using Marten;
using Muster.Catalog;
using Muster.Depots;
using Muster.Infrastructure;
using Npgsql;

namespace Muster.Supplies.Writing;

/// <summary>A stock line as a writer sees it: its depot, its item (null when unknown) and its stream fetched for writing.</summary>
public sealed record LineForWriting(Depot? Depot, Item? Item, IEventStream<StockLine> Stream)
{
    public StockLine? Line => Stream.Aggregate;
}

/// <summary>
/// The write path of stock: every stream a unit of work touches is fetched for writing (its version noted), the
/// events are appended and committed in one transaction, all or nothing. A lost race (another writer committed
/// first, or the stock-level table's check refused the result) runs the whole unit of work again on a fresh
/// session, a bounded number of times, then answers CONFLICT. Stock lines are fetched for exclusive writing, so
/// writers of one line wait for each other rather than lose. The work decides again each time, so a retry never
/// acts on stale numbers.
/// </summary>
public sealed class StockTransaction(IDocumentStore store, IActorAccessor actors, TimeProvider time)
{
    public const int Attempts = 6;

    private Actor? _actingAs;

    /// <summary>The same write path for someone other than the caller, e.g. a scheduled job: its events name that actor.</summary>
    public StockTransaction ActingAs(Actor actor) => new(store, actors, time) { _actingAs = actor };

    public async Task<Result<T>> RunAsync<T>(
        Func<IDocumentSession, Actor, CancellationToken, Task<Result<T>>> work, DomainError conflict, CancellationToken ct)
    {
        var actor = _actingAs ?? actors.Current ?? Actor.System;
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            ActorMetadata.Stamp(session, actor);
            var result = await work(session, actor, ct);
            if (!result.Succeeded)
            {
                return result;
            }

            try
            {
                await session.SaveChangesAsync(ct);
                return result;
            }
            catch (Exception e) when (IsLostRace(e))
            {
                if (attempt == Attempts)
                {
                    return conflict;
                }
            }

            // Spread the retries so racing writers do not meet again at once.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 * attempt * attempt)), time, ct);
        }
    }

    /// <summary>One event on one stock line, decided from the line, its depot and its item.</summary>
    public Task<Result<StockLine>> ChangeLineAsync<TEvent>(
        Guid depotId, string itemCode, Func<LineForWriting, Actor, Result<TEvent>> decide, CancellationToken ct)
        where TEvent : IStockLineEvent =>
        RunAsync(
            async (session, actor, token) =>
            {
                var line = await FetchAsync(session, depotId, itemCode, token);
                var decision = decide(line, actor);
                if (!decision.Succeeded)
                {
                    return Result<StockLine>.Fail(decision.Errors);
                }

                line.Stream.AppendOne(decision.Value!);
                return StockLineEvolution.Evolve(line.Line, decision.Value!, time.GetUtcNow());
            },
            DomainError.Conflict("the stock line kept changing; read it again and retry", "itemCode"),
            ct);

    /// <summary>A stock line with its depot and item, fetched for writing.</summary>
    public static async Task<LineForWriting> FetchAsync(IDocumentSession session, Guid depotId, string itemCode, CancellationToken ct)
    {
        var depot = await session.LoadAsync<Depot>(depotId, ct);
        var item = ItemCode.Check(itemCode) is null ? await session.LoadAsync<Item>(ItemCode.StreamId(itemCode), ct) : null;
        // Exclusive: writers of one line queue on its row instead of racing and retrying (32 receipts in flight on one
        // line exhausted the retries). Only the very first events of a new line can still collide, and are retried.
        var stream = await session.Events.FetchForExclusiveWriting<StockLine>(StockLineId.Of(depotId, itemCode), ct);
        return new LineForWriting(depot, item, stream);
    }

    /// <summary>Another writer won: a stream moved on, two first events collided, or the stock-level check refused the sum.</summary>
    public static bool IsLostRace(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ConcurrencyException or ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
                || e.GetType().Name == "StreamLockedException"
                || e is PostgresException { SqlState: PostgresErrorCodes.CheckViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }
}
