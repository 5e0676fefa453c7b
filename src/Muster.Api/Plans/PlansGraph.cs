using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Plans;

namespace Muster.Api.Plans;

public static class PlansGraph
{
    /// <summary>Plans by id: every role may read them (partners drill with the bureau).</summary>
    public static IServiceCollection AddPlansGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource>(new DocumentNodeSource<Plan>(PlanType.TypeName, p => p.Id))
        .AddQueryFields(120, PlanQueries.AddTo)
        .AddMutationFields(70, PlanMutations.AddTo);
}
