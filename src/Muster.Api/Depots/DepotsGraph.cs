using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Depots;

public static class DepotsGraph
{
    public static IServiceCollection AddDepotsGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource, DepotNodeSource>()
        .AddQueryFields(100, DepotQueries.AddTo)
        .AddMutationFields(50, DepotMutations.AddTo);
}
