using System.Reactive.Linq;
using GraphQL;
using Muster.Api.Auth;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure.Changes;

namespace Muster.Api.GraphQL.Subscriptions;

/// <summary>
/// The event stream of a subscription field fed by committed changes: after each change to an aggregate
/// of type <typeparamref name="TAggregate"/>, the object as it is now, loaded through its node source (so
/// the viewer's visibility rules apply), kept when <c>where</c> says so; one at a time, in commit order.
/// </summary>
public static class ChangeSubscription
{
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
            .Select(notice => Observable.FromAsync(async ct =>
                (await source.LoadAsync([notice.Stream], viewer, services, ct)).GetValueOrDefault(notice.Stream) as TNode))
            .Concat()
            .Where(found => found is not null && (where is null || where(found)))
            .Select(found => found!);
    }
}
