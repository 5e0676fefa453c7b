using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Catalog;

public static class CatalogGraph
{
    public static IServiceCollection AddCatalogGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource, ItemNodeSource>()
        .AddQueryFields(90, ItemQueries.AddTo)
        .AddQueryFields(190, LowStockQueries.AddTo)
        .AddMutationFields(40, DefineItemMutation.AddTo)
        .AddMutationFields(130, SetMinimumStockMutation.AddTo);
}
