using System.Reactive.Linq;
using GraphQL;
using Muster.Api.Auth;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure.Changes;

namespace Muster.Api.GraphQL.Subscriptions;

/// <summary>
/// The event stream of a subscription field fed by committed changes: after each change to an aggregate
/// of type <typeparamref name="TAggregate"/>, the object as it is now, loaded through its node source (so
/// the viewer's visibility rules apply), kept when <c>where</c> says so; one at a time, in commit order. A load
/// that fails because the database is away is retried until it is back (about half a minute); a subscription whose
/// changes cannot be delivered ends with the error code <c>CHANGES_MISSED</c>, never silently.
/// </summary>
public static class ChangeSubscription
{
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
        var kind = streamKind;

        return services.GetRequiredService<ChangeFeed>()
            .Where(notice => notice.Kind == kind)
            .Select(notice => Observable.FromAsync(ct => LoadAsync<TNode>(source, notice.Stream, viewer, services, ct)))
            .Concat()
            .Where(found => found is not null && (where is null || where(found)))
            .Select(found => found!)
            .Catch<TNode, ChangesMissedException>(missed =>
                Observable.Throw<TNode>(new ExecutionError(missed.Message) { Code = ChangesMissedException.Code }));
    }

    private static async Task<TNode?> LoadAsync<TNode>(
        INodeSource source, Guid stream, Muster.Infrastructure.Actor viewer, IServiceProvider services, CancellationToken ct)
        where TNode : class
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return (await source.LoadAsync([stream], viewer, services, ct)).GetValueOrDefault(stream) as TNode;
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
