using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Muster.Infrastructure.Writing;

/// <summary>
/// The stored document of an aggregate, evolved by the aggregate's own <see cref="IAggregate{T}.After"/>: the document
/// and a handler's answer cannot disagree. It takes in every event type marked <see cref="IEventOf{T}"/>.
/// </summary>
public abstract class AggregateProjection<T> : SingleStreamProjection<T, Guid>
    where T : class, IAggregate<T>
{
    protected AggregateProjection()
    {
        foreach (var type in EventTypes)
        {
            IncludeType(type);
        }
    }

    /// <summary>The concrete event types marked as <typeparamref name="T"/>'s, in its assembly.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = typeof(T).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IEventOf<T>)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public override T? Evolve(T? snapshot, Guid id, IEvent e) => T.After(snapshot, e);
}
