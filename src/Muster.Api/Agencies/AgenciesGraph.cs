using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Agencies;

public static class AgenciesGraph
{
    public static IServiceCollection AddAgenciesGraph(this IServiceCollection services) =>
        services.AddSingleton<INodeSource, AgencyNodeSource>();
}
