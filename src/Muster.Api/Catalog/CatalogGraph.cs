using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Catalog;

public static class CatalogGraph
{
    public static IServiceCollection AddCatalogGraph(this IServiceCollection services) =>
        services.AddSingleton<INodeSource, ItemNodeSource>();
}
