using JasperFx.Events;
using Marten;

namespace Muster.Infrastructure.Writing;

public static class OrderedStreams
{
    /// <summary>
    /// Streams fetched for writing one after another in id order: every writer that takes several streams of a kind
    /// takes them in this order, so two writers never wait on each other in a circle.
    /// </summary>
    public static async Task<SortedDictionary<Guid, IEventStream<T>>> FetchForWritingAsync<T>(
        this IDocumentSession session, IEnumerable<Guid> ids, CancellationToken ct, bool exclusive = false)
        where T : class
    {
        var streams = new SortedDictionary<Guid, IEventStream<T>>();
        foreach (var id in ids.Distinct().Order())
        {
            streams[id] = exclusive
                ? await session.Events.FetchForExclusiveWriting<T>(id, ct)
                : await session.Events.FetchForWriting<T>(id, ct);
        }

        return streams;
    }

    /// <summary>The aggregates of fetched streams, by id (null where a stream does not exist yet).</summary>
    public static Dictionary<Guid, T?> Aggregates<T>(this IReadOnlyDictionary<Guid, IEventStream<T>> streams)
        where T : class =>
        streams.ToDictionary(s => s.Key, s => s.Value.Aggregate);
}
