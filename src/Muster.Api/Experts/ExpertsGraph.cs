using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Experts;

public static class ExpertsGraph
{
    public static IServiceCollection AddExpertsGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource, ExpertNodeSource>()
        .AddQueryFields(70, ExpertSpatialQueries.AddTo)
        .AddQueryFields(80, ExpertListQueries.AddTo)
        .AddMutationFields(30, ExpertMutations.AddTo)
        .AddSubscriptionFields(20, ExpertChangedSubscription.AddTo);
}
