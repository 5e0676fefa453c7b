using JasperFx.Events;

namespace Muster.Infrastructure.Writing;

/// <summary>
/// A state that follows from its stream's events. <see cref="After"/> is its one evolve function: the inline projection
/// (<see cref="AggregateProjection{T}"/>) stores what it answers, <see cref="EventWriter"/> answers a write with it, and
/// time travel (<c>AggregateStreamAsync</c>) replays it. (Not named <c>Evolve</c>: Marten's source generator takes a static
/// <c>Evolve</c> on an aggregate for a self-aggregating one.)
/// </summary>
public interface IAggregate<TSelf> where TSelf : class, IAggregate<TSelf>
{
    /// <summary>The state after <paramref name="e"/>; null while there is none (an event that does not start the stream).</summary>
    static abstract TSelf? After(TSelf? state, IEvent e);
}

/// <summary>Marks an event of <typeparamref name="TAggregate"/>'s stream: its projection takes in every type so marked.</summary>
public interface IEventOf<TAggregate> where TAggregate : class, IAggregate<TAggregate>;
