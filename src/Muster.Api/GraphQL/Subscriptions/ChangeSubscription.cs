using System.Reactive.Linq;
using GraphQL;
using Muster.Api.Auth;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure.Changes;

namespace Muster.Api.GraphQL.Subscriptions;

/// <summary>
/// The event stream of a subscription field fed by committed changes: after each change to an aggregate
/// of type <typeparamref name="TAggregate"/>, the object as it is now, loaded through its node source (so
/// the viewer's visibility rules apply), kept when <c>where</c> says so; in commit order. Changes that come while the
/// subscriber is behind are read back together, each object once, in the order of its latest change
/// (<see cref="PendingChanges"/>): what it receives is always the object's latest state, and what waits stays bounded. A load
/// that fails because the database is away is retried until it is back (about half a minute); a subscription whose
/// changes cannot be delivered ends with the error code <c>CHANGES_MISSED</c>, never silently.
/// </summary>
public static class ChangeSubscription
{
    /// <summary>How many changed objects one read brings back when changes come faster than they are delivered.</summary>
    private const int ReadAtOnce = 100;

    private static readonly TimeSpan[] Retries =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1),
         TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(15)];

    public static IObservable<TAggregate> Of<TAggregate>(
        IResolveFieldContext context, string nodeType, Func<TAggregate, bool>? where = null)
        where TAggregate : class =>
        Of(context, nodeType, typeof(TAggregate).Name, where);

    /// <summary>
    /// The same for a node read from a different model than the stream's aggregate (a stock level over a stock-line
    /// stream): <paramref name="streamKind"/> names the aggregate, and the node shares the stream's id.
    /// </summary>
    public static IObservable<TNode> Of<TNode>(
        IResolveFieldContext context, string nodeType, string streamKind, Func<TNode, bool>? where = null)
        where TNode : class
    {
        var services = context.RequestServices!;
        var viewer = Visibility.Viewer(context);
        var source = services.GetServices<INodeSource>().Single(s => s.TypeName == nodeType);
        return Observable.Create<TNode>(async (observer, ct) =>
        {
            var pending = new PendingChanges();
            using var wake = new SemaphoreSlim(0);
            Exception? ended = null;
            using var feed = services.GetRequiredService<ChangeFeed>()
                .Where(notice => notice.Kind == streamKind)
                .Subscribe(
                    notice =>
                    {
                        if (pending.Add(notice.Stream))
                        {
                            wake.Release();
                        }
                    },
                    error =>
                    {
                        ended = error;
                        wake.Release();
                    });

            while (true)
            {
                if (ended is not null)
                {
                    throw Delivered(ended);
                }

                var streams = pending.Take(ReadAtOnce);
                if (streams.Count == 0)
                {
                    await wake.WaitAsync(ct);
                    continue;
                }

                IReadOnlyDictionary<Guid, object> found;
                try
                {
                    found = await LoadAsync(source, streams, viewer, services, ct);
                }
                catch (ChangesMissedException missed)
                {
                    throw Delivered(missed);
                }

                foreach (var stream in streams)
                {
                    if (found.GetValueOrDefault(stream) is TNode node && (where is null || where(node)))
                    {
                        observer.OnNext(node);
                    }
                }
            }
        });
    }

    /// <summary>How a feed's end reaches the client: a missed change as <c>CHANGES_MISSED</c>, anything else as it is.</summary>
    private static Exception Delivered(Exception ended) =>
        ended is ChangesMissedException missed ? new ExecutionError(missed.Message) { Code = ChangesMissedException.Code } : ended;

    private static async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        INodeSource source, IReadOnlyList<Guid> streams, Muster.Infrastructure.Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await source.LoadAsync(streams, viewer, services, ct);
            }
            catch (Exception e) when (IsDatabaseAway(e) && !ct.IsCancellationRequested)
            {
                if (attempt == Retries.Length)
                {
                    throw new ChangesMissedException("A change could not be read back because the database stayed unavailable; subscribe again.", e);
                }

                await Task.Delay(Retries[attempt], ct);
            }
        }
    }

    private static bool IsDatabaseAway(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
