using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;

namespace Muster.Api.Transfers;

public static class TransfersGraph
{
    public static IServiceCollection AddTransfersGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource, TransferNodeSource>()
        .AddQueryFields(180, TransferQueries.AddTo)
        .AddMutationFields(120, TransferMutations.AddTo);
}
