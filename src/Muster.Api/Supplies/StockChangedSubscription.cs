using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Subscriptions;
using Muster.Supplies;
using Muster.Supplies.Levels;

namespace Muster.Api.Supplies;

public static class StockChangedSubscription
{
    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<StockLevelType>>("stockChanged")
            .Description("Each stock line as it is after a committed change (receipt, reservation, issue, count, write-off, expiry warning), on any instance; a partner hears of the shared pool and its own agency's depots only.")
            .Argument<IdGraphType>("depotId", "Only this depot's stock lines.")
            .Argument<StringGraphType>("itemCode", "Only this item's stock lines.")
            .ResolveStream(context =>
            {
                var depot = StockArguments.DepotId(context);
                var item = StockArguments.ItemCode(context);
                return ChangeSubscription.Of<StockLevel>(context, StockLevelType.TypeName, nameof(StockLine), level =>
                    (depot is null || level.DepotId == depot) && (item is null || level.ItemCode == item));
            });
}
