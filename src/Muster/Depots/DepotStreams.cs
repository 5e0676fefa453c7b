using Muster.Infrastructure;

namespace Muster.Depots;

/// <summary>The write path shared by every change to an existing depot (<see cref="AggregateWriter"/>).</summary>
public sealed class DepotStreams(AggregateWriter writer)
{
    private static readonly DomainError Conflict = DomainError.Conflict("the depot changed meanwhile; read it again and retry", "depotId");

    public Task<Result<Depot>> ChangeAsync<TEvent>(Guid depotId, Func<Depot?, Actor, Result<TEvent>> decide, CancellationToken ct)
        where TEvent : notnull =>
        writer.ChangeAsync(depotId, decide, (depot, e) => DepotEvolution.Evolve(depot, e), Conflict, ct);
}
