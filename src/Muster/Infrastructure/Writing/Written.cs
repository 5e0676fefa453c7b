using JasperFx.Events;
using Marten.Events;

namespace Muster.Infrastructure.Writing;

/// <summary>
/// The stream whose state a write answers: its state as fetched and the events the write appends to it. Read after the
/// commit, the events carry their committed timestamps.
/// </summary>
public sealed record Written<T>(T? Fetched, IReadOnlyList<IEvent> Appended)
    where T : class, IAggregate<T>
{
    /// <summary>The fetched state evolved by the aggregate's own <see cref="IAggregate{T}.After"/>, as the projection stored it.</summary>
    public T State() => Appended.Aggregate(Fetched, T.After)
        ?? throw new InvalidOperationException($"a write answered no {typeof(T).Name}: its stream has no state");
}

public static class Written
{
    /// <summary>A stream fetched for writing, with what was appended to it.</summary>
    public static Written<T> To<T>(IEventStream<T> stream)
        where T : class, IAggregate<T> => new(stream.Aggregate, stream.Events);

    /// <summary>A stream started in this unit of work.</summary>
    public static Written<T> Started<T>(StreamAction started)
        where T : class, IAggregate<T> => new(null, started.Events);
}
