using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Units;

public static class UnitsGraph
{
    public static IServiceCollection AddUnitsGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource, UnitNodeSource>()
        .AddQueryFields(50, UnitSpatialQueries.AddTo)
        .AddQueryFields(60, UnitListQueries.AddTo)
        .AddMutationFields(20, UnitMutations.AddTo)
        .AddSubscriptionFields(30, UnitChangedSubscription.AddTo);
}
