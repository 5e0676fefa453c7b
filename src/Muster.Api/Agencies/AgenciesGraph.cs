using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Agencies;

public static class AgenciesGraph
{
    public static IServiceCollection AddAgenciesGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource, AgencyNodeSource>()
        .AddQueryFields(30, AgencyQueries.AddTo)
        .AddMutationFields(10, RegisterAgencyMutation.AddTo)
        .AddSubscriptionFields(10, AgencyChangedSubscription.AddTo);
}
