using Muster.Api.GraphQL;

namespace Muster.Api.Readiness;

public static class MoveUpGraph
{
    public static IServiceCollection AddMoveUpGraph(this IServiceCollection services) => services
        .AddQueryFields(280, MoveUpQueries.AddTo)
        .AddMutationFields(220, MoveUpMutations.AddTo);
}
