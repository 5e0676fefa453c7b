using Muster.Api.GraphQL;

namespace Muster.Api.Hazards;

public static class HazardsGraph
{
    public static IServiceCollection AddHazardsGraph(this IServiceCollection services) => services
        .AddHazardNodes()
        .AddQueryFields(240, HazardQueries.AddTo)
        .AddMutationFields(190, HazardMutations.AddTo)
        .AddSubscriptionFields(70, RectificationOverdueSubscription.AddTo);
}
