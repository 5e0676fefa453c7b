using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Muster.Dispatch;

/// <summary>Keeps each proposal as a document (inline), read back by id; a newer proposal supersedes the one before.</summary>
#pragma warning disable CA1822 // Marten finds the Project methods on the projection instance.
public partial class DispatchProposalProjection : EventProjection
{
    public async Task Project(IEvent<DispatchProposed> e, IDocumentOperations ops, CancellationToken ct)
    {
        ops.Store(e.Data.Proposal);
        if (e.Data.Supersedes is { } previous && await ops.LoadAsync<DispatchProposal>(previous, ct) is { Status: ProposalStatus.Proposed } superseded)
        {
            ops.Store(superseded with { Status = ProposalStatus.Superseded });
        }
    }

    public async Task Project(IEvent<DispatchApproved> e, IDocumentOperations ops, CancellationToken ct)
    {
        if (await ops.LoadAsync<DispatchProposal>(e.Data.ProposalId, ct) is { } approved)
        {
            ops.Store(approved with { Status = ProposalStatus.Approved });
        }
    }
}
