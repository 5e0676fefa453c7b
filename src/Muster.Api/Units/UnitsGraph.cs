using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Units;

public static class UnitsGraph
{
    public static IServiceCollection AddUnitsGraph(this IServiceCollection services) =>
        services.AddSingleton<INodeSource, UnitNodeSource>();
}
