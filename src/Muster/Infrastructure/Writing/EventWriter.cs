using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace Muster.Infrastructure.Writing;

/// <summary>What to do when another writer commits first.</summary>
public enum OnLostRace
{
    /// <summary>Answer CONFLICT at once: the caller read a state that is gone, and should look again.</summary>
    Conflict,

    /// <summary>
    /// Run the whole unit of work again on a fresh session (it fetches and decides again, so it never acts on stale
    /// numbers), a bounded number of times, then answer CONFLICT. For writes whose decision holds on any fresh state,
    /// such as stock movements.
    /// </summary>
    DecideAgain,
}

/// <summary>
/// The one write path of every handler: a unit of work on its own session (stamped with the acting user) fetches the
/// streams it changes for writing, decides, appends, and commits them in one transaction, all or nothing. A lost
/// race (<see cref="IsLostRace"/>) answers the caller's CONFLICT error, or decides again (<see cref="OnLostRace"/>);
/// no handler catches it itself. The state a write answers is the fetched state evolved by the aggregate's own
/// <see cref="IAggregate{T}.After"/> with the events as committed.
/// </summary>
public sealed class EventWriter(IDocumentStore store, IActorAccessor actors, TimeProvider time)
{
    /// <summary>How many times <see cref="OnLostRace.DecideAgain"/> runs a unit of work before it answers CONFLICT.</summary>
    public const int Attempts = 6;

    public static readonly DomainError Changed = DomainError.Conflict("it changed meanwhile; read it again and retry");

    private Actor? _actingAs;

    /// <summary>The same write path for someone other than the caller, e.g. a scheduled job: its events name that actor.</summary>
    public EventWriter ActingAs(Actor actor) => new(store, actors, time) { _actingAs = actor };

    /// <summary>A change to one existing stream: fetch it, decide with the acting user, append, commit, answer its state.</summary>
    /// <param name="decide">The event to append, or a null value when there is nothing to record (the state is answered as it is).</param>
    /// <param name="exclusive">Writers of the stream queue on its row instead of racing (for streams written in bursts).</param>
    public Task<Result<T>> ChangeAsync<T, TEvent>(
        Guid id, Func<T?, Actor, Result<TEvent>> decide, DomainError? conflict, CancellationToken ct,
        OnLostRace onLostRace = OnLostRace.Conflict, bool exclusive = false)
        where T : class, IAggregate<T> =>
        WriteAsync<T>(
            async (session, actor, token) =>
            {
                if (id == Guid.Empty)
                {
                    // No stream has the empty id, and Marten refuses it as one: decide on nothing.
                    var refused = decide(null, actor);
                    return refused.Succeeded ? DomainError.NotFound("no such stream") : Result<Written<T>>.Fail(refused.Errors);
                }

                var stream = exclusive
                    ? await session.Events.FetchForExclusiveWriting<T>(id, token)
                    : await session.Events.FetchForWriting<T>(id, token);
                var decision = decide(stream.Aggregate, actor);
                if (!decision.Succeeded)
                {
                    return Result<Written<T>>.Fail(decision.Errors);
                }

                if (decision.Value is { } e)
                {
                    stream.AppendOne(e);
                }

                return Written.To(stream);
            },
            conflict, ct, onLostRace);

    /// <summary>A new stream: decide (reading what the decision needs), start the stream with the event, commit, answer its state.</summary>
    public Task<Result<T>> StartAsync<T, TEvent>(
        Func<IQuerySession, Actor, CancellationToken, Task<Result<TEvent>>> decide, Func<TEvent, Guid> streamId, DomainError? conflict, CancellationToken ct)
        where T : class, IAggregate<T>
        where TEvent : notnull =>
        WriteAsync<T>(
            async (session, actor, token) =>
            {
                var decision = await decide(session, actor, token);
                return decision.Succeeded
                    ? Written.Started<T>(session.Events.StartStream<T>(streamId(decision.Value!), decision.Value!))
                    : Result<Written<T>>.Fail(decision.Errors);
            },
            conflict, ct, OnLostRace.Conflict);

    /// <summary>A unit of work over any streams that answers the state of one of them (<see cref="Written"/>).</summary>
    public async Task<Result<T>> WriteAsync<T>(
        Func<IDocumentSession, Actor, CancellationToken, Task<Result<Written<T>>>> work, DomainError? conflict, CancellationToken ct,
        OnLostRace onLostRace = OnLostRace.Conflict)
        where T : class, IAggregate<T>
    {
        var written = await RunAsync(work, conflict, ct, onLostRace);
        return written.Succeeded ? written.Value!.State() : Result<T>.Fail(written.Errors);
    }

    /// <summary>
    /// A unit of work over any streams that answers something else (a report, a count). A failed result writes
    /// nothing; a succeeded one commits whatever the work appended.
    /// </summary>
    public async Task<Result<TAnswer>> RunAsync<TAnswer>(
        Func<IDocumentSession, Actor, CancellationToken, Task<Result<TAnswer>>> work, DomainError? conflict, CancellationToken ct,
        OnLostRace onLostRace = OnLostRace.Conflict)
    {
        var actor = _actingAs ?? actors.Current ?? Actor.System;
        var attempts = onLostRace == OnLostRace.DecideAgain ? Attempts : 1;
        for (var attempt = 1; ; attempt++)
        {
            await using (var session = store.LightweightSession())
            {
                ActorMetadata.Stamp(session, actor);
                try
                {
                    var result = await work(session, actor, ct);
                    if (result.Succeeded)
                    {
                        await session.SaveChangesAsync(ct);
                    }

                    return result;
                }
                catch (Exception e) when (IsLostRace(e))
                {
                    if (attempt >= attempts)
                    {
                        return conflict ?? Changed;
                    }
                }
            }

            // Spread the retries so racing writers do not meet again at once.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 * attempt * attempt)), time, ct);
        }
    }

    /// <summary>
    /// Another writer won: a stream moved on, two first events collided, a stream's lock could not be had, or a table's
    /// check (the stock-level table's available ≥ 0) refused the result. The only place that tells a lost race.
    /// </summary>
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
