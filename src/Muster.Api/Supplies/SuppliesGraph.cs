using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Supplies;

public static class SuppliesGraph
{
    public static IServiceCollection AddSuppliesGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource, StockLevelNodeSource>()
        .AddQueryFields(110, StockQueries.AddTo)
        .AddQueryFields(150, StockTotalsQuery.AddTo)
        .AddQueryFields(160, StockHistoryQueries.AddTo)
        .AddQueryFields(170, ExpiringLotsQuery.AddTo)
        .AddMutationFields(60, ReceiveStockMutation.AddTo)
        .AddMutationFields(110, StockMovementMutations.AddTo)
        .AddSubscriptionFields(50, StockChangedSubscription.AddTo);
}
