using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Depots;

public static class DepotsGraph
{
    public static IServiceCollection AddDepotsGraph(this IServiceCollection services) =>
        services.AddSingleton<INodeSource, DepotNodeSource>();
}
