using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Requests;

public static class RequestsGraph
{
    public static IServiceCollection AddRequestsGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource, SupplyRequestNodeSource>()
        .AddQueryFields(200, SupplyRequestQueries.AddTo)
        .AddMutationFields(140, SupplyRequestMutations.AddTo)
        .AddSubscriptionFields(60, SupplyRequestChangedSubscription.AddTo);
}
