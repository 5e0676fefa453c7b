using Muster.Api.GraphQL;

namespace Muster.Api.Readiness;

public static class ReadinessGraph
{
    /// <summary>Coverage takes Query positions 270–279.</summary>
    public static IServiceCollection AddCoverageGraph(this IServiceCollection services) => services
        .AddQueryFields(270, CoverageQueries.AddTo);
}
