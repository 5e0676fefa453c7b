using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.Depots;
using Muster.Api.GraphQL.Relay;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Transfers;

namespace Muster.Api.Transfers;

/// <summary>Transfers, newest first; a partner sees those whose both depots it may see.</summary>
public static class TransferQueries
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<TransferType, EdgeType<TransferType>>>>("transfers")
            .Description("Transfers between depots, newest first, filtered; a partner sees those between depots it may see (its own agency's and the shared pool).")
            .Argument<TransferStatusType>("status")
            .Argument<IdGraphType>("depotId", "Only transfers from or to this depot.")
            .Paged()
            .ResolveAsync(async context =>
                await Connections.ResolveAsync(context, (await FilteredAsync(context)).OrderByDescending(t => t.RequestedAt).ThenByDescending(t => t.Id)));

    private static async Task<IQueryable<Transfer>> FilteredAsync(IResolveFieldContext context)
    {
        var session = context.RequestServices!.GetRequiredService<IQuerySession>();
        var viewer = Visibility.Viewer(context);
        IQueryable<Transfer> transfers = session.Query<Transfer>();
        if (viewer.Role == Role.Partner)
        {
            var visible = (await session.Query<Depot>().VisibleTo(viewer).Select(d => d.Id).ToListAsync(context.CancellationToken)).ToArray();
            transfers = transfers.Where(t => visible.Contains(t.FromDepotId) && visible.Contains(t.ToDepotId));
        }

        if (context.GetArgument<TransferStatus?>("status") is { } status)
        {
            transfers = transfers.Where(t => t.Status == status);
        }

        if (context.GetArgument<string?>("depotId") is { } depot)
        {
            // An id that is not a depot's matches nothing.
            var depotId = GlobalId.Of(DepotType.TypeName, depot) ?? Guid.Empty;
            transfers = transfers.Where(t => t.FromDepotId == depotId || t.ToDepotId == depotId);
        }

        return transfers;
    }
}
