using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Jurisdictions;

public static class JurisdictionsGraph
{
    public static IServiceCollection AddJurisdictionsGraph(this IServiceCollection services) => services
        .AddScoped<JurisdictionViewer>()
        .AddSingleton<INodeSource, JurisdictionNodeSource>()
        .AddQueryFields(230, JurisdictionQueries.AddTo)
        .AddMutationFields(180, JurisdictionMutations.AddTo);
}
