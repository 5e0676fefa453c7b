using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Experts;

public static class ExpertsGraph
{
    public static IServiceCollection AddExpertsGraph(this IServiceCollection services) =>
        services.AddSingleton<INodeSource, ExpertNodeSource>();
}
