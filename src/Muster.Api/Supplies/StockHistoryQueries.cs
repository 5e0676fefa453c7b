using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Depots;
using Muster.Supplies;
using Muster.Supplies.History;

namespace Muster.Api.Supplies;

/// <summary>A stock line at a past moment, computed from its events.</summary>
public sealed record StockAsOf(Guid DepotId, string ItemCode, DateTimeOffset At, StockLine? Line);

/// <summary>
/// The history of one stock line, from its events: what it held at a past moment, and its ledger. A depot the
/// caller may not see (or an id that names none) answers null, as <c>node</c> does.
/// </summary>
public static class StockHistoryQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<StockAsOfType>("stockAsOf")
            .Description("What a depot held of an item at a past moment (time travel over the stock line's events); null for a depot you may not see.")
            .Argument<NonNullGraphType<IdGraphType>>("depotId")
            .Argument<NonNullGraphType<StringGraphType>>("itemCode")
            .Argument<NonNullGraphType<DateTimeScalar>>("at")
            .ResolveAsync(async context =>
            {
                var itemCode = StockArguments.ItemCode(context)!;
                if (await VisibleDepotAsync(context) is not { } depot)
                {
                    return null;
                }

                var at = context.GetArgument<DateTimeOffset>("at");
                var line = await History(context).AsOfAsync(depot.Id, itemCode, at, context.CancellationToken);
                return new StockAsOf(depot.Id, itemCode, at, line);
            });

        query.Field<ConnectionType<StockLedgerEntryType, EdgeType<StockLedgerEntryType>>>("stockLedger")
            .Description("The ledger of a stock line, oldest first: each receipt, reservation, release, issue, count, write-off and expiry warning, who made it, why, and the balance after. Null for a depot you may not see.")
            .Argument<NonNullGraphType<IdGraphType>>("depotId")
            .Argument<NonNullGraphType<StringGraphType>>("itemCode")
            .Paged()
            .ResolveAsync(async context =>
            {
                var itemCode = StockArguments.ItemCode(context)!;
                if (await VisibleDepotAsync(context) is not { } depot)
                {
                    return null;
                }

                // The balance after each entry needs every earlier one: fold the stream once, then slice.
                var ledger = await History(context).LedgerAsync(depot.Id, itemCode, context.CancellationToken);
                return await Connections.ResolveAsync(
                    context,
                    _ => Task.FromResult(ledger.Count),
                    (offset, limit, _) => Task.FromResult<IReadOnlyList<StockLedgerEntry>>(ledger.Skip(offset).Take(limit).ToList()));
            });
    }

    private static async Task<Depot?> VisibleDepotAsync(IResolveFieldContext context)
    {
        var viewer = Visibility.Viewer(context);
        var id = StockArguments.DepotId(context)!.Value;
        var depot = await context.RequestServices!.GetRequiredService<IQuerySession>().LoadAsync<Depot>(id, context.CancellationToken);
        return depot is not null && DepotVisibility.MaySee(viewer, depot) ? depot : null;
    }

    private static StockHistory History(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<StockHistory>();
}
