using GraphQL;
using GraphQL.Types;
using Muster.Api.Catalog;
using Muster.Api.GraphQL.Relay;
using Muster.Catalog;
using Muster.Supplies.Levels;

namespace Muster.Api.Supplies;

/// <summary>How much of each item the city holds, summed over the depots the caller may see.</summary>
public static class StockTotalsQuery
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StockTotalType>>>>("stockTotals")
            .Description($"Per item, the stock summed over the open depots you may see (a partner: the shared pool and its own agency's), or over the shared pool only. By code, at most {StockLevels.MaxRows}.")
            .Argument<StringGraphType>("codePrefix", "Only items whose code starts with these digits (e.g. 102 for drinking water and food).")
            .Argument<BooleanGraphType>("sharedOnly", "Only the shared pool (物资共用); default false.", a => a.DefaultValue = false)
            .ResolveAsync(async context =>
            {
                var prefix = context.GetArgument<string?>("codePrefix");
                if (prefix is not null && ItemCode.CheckPrefix(prefix) is { } invalid)
                {
                    throw new ExecutionError(invalid.Message) { Code = "VALIDATION" };
                }

                return await context.RequestServices!.GetRequiredService<StockLevels>().TotalsAsync(
                    prefix, context.GetArgument<bool>("sharedOnly"), Visibility.Viewer(context), context.CancellationToken);
            });
}

public sealed class StockTotalType : ObjectGraphType<StockTotal>
{
    public StockTotalType()
    {
        Name = "StockTotal";
        Description = "One item's stock summed over depots.";
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<ItemType>>("item").Resolve(c => ItemNodeSource.ByCode(c.RequestServices!).Load(c.Source.ItemCode));
        Field<NonNullGraphType<IntGraphType>>("onHand").Resolve(c => c.Source.OnHand);
        Field<NonNullGraphType<IntGraphType>>("reserved").Resolve(c => c.Source.Reserved);
        Field<NonNullGraphType<IntGraphType>>("available").Description("On hand minus reserved: what may still be allocated.").Resolve(c => c.Source.Available);
        Field<NonNullGraphType<IntGraphType>>("inTransit").Description("On its way into these depots by transfers.").Resolve(c => c.Source.InTransit);
        Field<NonNullGraphType<IntGraphType>>("depots").Description("How many of the depots summed keep a stock line of the item.").Resolve(c => c.Source.Depots);
    }
}
