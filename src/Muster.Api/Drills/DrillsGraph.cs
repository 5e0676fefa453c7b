using Muster.Api.Drills.Worlds;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Drills;
using Muster.Infrastructure;

namespace Muster.Api.Drills;

public static class DrillsGraph
{
    /// <summary>Who reads drills and plays them: admin and commanders, who run them, and logistics, who ship a drill's supplies.</summary>
    public static readonly string[] Participants = [Roles.Admin, Roles.Commander, Roles.Logistics];

    public const string PathPrefix = "/drills";

    public static string EndpointOf(Guid drillId) => $"{PathPrefix}/{GlobalId.Encode(DrillType.TypeName, drillId)}{GraphQLModule.Path}";

    /// <summary>The drill records and the worlds they run in (a database and services per drill).</summary>
    public static IServiceCollection AddDrillWorlds(this IServiceCollection services, IConfiguration configuration) => services
        .AddDrills(configuration)
        .AddSingleton<DrillWorlds>()
        .AddSingleton<IDrillWorlds>(s => s.GetRequiredService<DrillWorlds>())
        .AddSingleton<DrillCopySweeper>()
        .AddHostedService(s => s.GetRequiredService<DrillCopySweeper>());

    public static IServiceCollection AddDrillsGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource>(new DocumentNodeSource<Drill>(DrillType.TypeName, d => d.Id, (viewer, _) => viewer.Role != Role.Partner))
        .AddQueryFields(290, DrillQueries.AddTo)
        .AddMutationFields(230, DrillMutations.AddTo);

    /// <summary>Each drill's endpoint: <c>/drills/{drillId}/graphql</c>, over HTTP and WebSocket, served by the drill's own services.</summary>
    public static IEndpointRouteBuilder MapDrills(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(PathPrefix + "/{drillId}" + GraphQLModule.Path, DrillEndpoint.HandleAsync);
        return endpoints;
    }
}
