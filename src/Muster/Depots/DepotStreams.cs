using JasperFx;
using Marten;
using Muster.Infrastructure;

namespace Muster.Depots;

/// <summary>The write path shared by every change to an existing depot: fetch for writing, decide, append, commit.</summary>
public sealed class DepotStreams(IDocumentSession session, IActorAccessor actors)
{
    public async Task<Result<Depot>> ChangeAsync<TEvent>(Guid depotId, Func<Depot?, Actor, Result<TEvent>> decide, CancellationToken ct)
        where TEvent : notnull
    {
        var stream = await session.Events.FetchForWriting<Depot>(depotId, ct);
        var decision = decide(stream.Aggregate, actors.Current ?? Actor.System);
        if (!decision.Succeeded)
        {
            return Result<Depot>.Fail(decision.Errors);
        }

        stream.AppendOne(decision.Value!);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return DomainError.Conflict("the depot changed meanwhile; read it again and retry", "depotId");
        }

        return DepotEvolution.Evolve(stream.Aggregate!, decision.Value!);
    }
}
