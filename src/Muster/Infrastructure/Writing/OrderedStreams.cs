using JasperFx.Events;
using Marten;

namespace Muster.Infrastructure.Writing;

public static class OrderedStreams
{
    /// <summary>
    /// Streams fetched for writing in id order: every writer that takes several streams of a kind takes them in this
    /// order, so two writers never wait on each other in a circle. Exclusive fetches lock the streams' rows in one round
    /// trip (one batched command, its statements in id order, inside the session's transaction); the others are read one
    /// after another.
    /// </summary>
    public static async Task<SortedDictionary<Guid, IEventStream<T>>> FetchForWritingAsync<T>(
        this IDocumentSession session, IEnumerable<Guid> ids, CancellationToken ct, bool exclusive = false)
        where T : class
    {
        var ordered = ids.Distinct().Order().ToList();
        var streams = new SortedDictionary<Guid, IEventStream<T>>();
        if (exclusive && ordered.Count > 0)
        {
            // The transaction first: the batch's handlers then only join it, and the locks hold until the commit.
            await session.BeginTransactionAsync(ct);
            var batch = session.CreateBatchQuery();
            var fetching = ordered.Select(id => batch.Events.FetchForExclusiveWriting<T>(id)).ToList();
            await batch.Execute(ct);
            foreach (var (id, stream) in ordered.Zip(await Task.WhenAll(fetching)))
            {
                streams[id] = stream;
            }

            return streams;
        }

        foreach (var id in ordered)
        {
            streams[id] = await session.Events.FetchForWriting<T>(id, ct);
        }

        return streams;
    }

    /// <summary>The aggregates of fetched streams, by id (null where a stream does not exist yet).</summary>
    public static Dictionary<Guid, T?> Aggregates<T>(this IReadOnlyDictionary<Guid, IEventStream<T>> streams)
        where T : class =>
        streams.ToDictionary(s => s.Key, s => s.Value.Aggregate);
}
