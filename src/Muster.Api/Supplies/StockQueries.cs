using GraphQL;
using GraphQL.Types;
using Muster.Api.Depots;
using Muster.Api.GraphQL.Relay;
using Muster.Catalog;
using Muster.Supplies.Levels;

namespace Muster.Api.Supplies;

/// <summary>What is where: stock levels through depot visibility (a partner sees the shared pool and its own agency's depots).</summary>
public static class StockQueries
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StockLevelType>>>>("stockLevels")
            .Description($"Stock levels of an item across depots, of a depot across items, or of one stock line; give at least one. Open depots only, at most {StockLevels.MaxRows}, by depot then item.")
            .Argument<StringGraphType>("itemCode")
            .Argument<IdGraphType>("depotId")
            .ResolveAsync(async context =>
            {
                var itemCode = context.GetArgument<string?>("itemCode");
                var depot = context.GetArgument<string?>("depotId");
                if (itemCode is null && depot is null)
                {
                    throw new ExecutionError("stockLevels needs an itemCode, a depotId, or both") { Code = "VALIDATION" };
                }

                if (itemCode is not null && ItemCode.Check(itemCode, "itemCode") is { } invalid)
                {
                    throw new ExecutionError(invalid.Message) { Code = "VALIDATION" };
                }

                // An id that is not a depot's matches nothing.
                var depotId = depot is null ? (Guid?)null : GlobalId.Of(DepotType.TypeName, depot) ?? Guid.Empty;
                return await context.RequestServices!.GetRequiredService<StockLevels>()
                    .FindAsync(itemCode, depotId, Visibility.Viewer(context), context.CancellationToken);
            });
}
