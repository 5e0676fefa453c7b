using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Incidents;

namespace Muster.Api.Incidents;

public static class IncidentsGraph
{
    /// <summary>Incidents by id: every role may see incidents, partner agencies respond to them.</summary>
    public static IServiceCollection AddIncidentsGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource>(new DocumentNodeSource<Incident>(IncidentType.TypeName, i => i.Id))
        .AddQueryFields(130, IncidentQueries.AddTo)
        .AddQueryFields(140, IncidentHistoryQueries.AddTo)
        .AddMutationFields(80, IncidentMutations.AddTo)
        .AddSubscriptionFields(40, IncidentChangedSubscription.AddTo);
}
