using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Dispatch;

namespace Muster.Api.Dispatch;

public static class DispatchGraph
{
    /// <summary>Proposals by id: admin and commanders (the type says so; node/nodes check it).</summary>
    public static IServiceCollection AddDispatchGraph(this IServiceCollection services) => services
        .AddSingleton<INodeSource>(new DocumentNodeSource<DispatchProposal>(DispatchProposalType.TypeName, p => p.Id))
        .AddMutationFields(90, ProposeDispatchMutation.AddTo)
        .AddMutationFields(100, ApproveDispatchMutation.AddTo);
}
