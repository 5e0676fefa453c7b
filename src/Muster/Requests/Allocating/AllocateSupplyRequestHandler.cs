using Muster.Infrastructure;
using Muster.Infrastructure.Idempotency;

namespace Muster.Requests.Allocating;

/// <summary>
/// Allocation through the instance's <see cref="Allocator"/>: the command joins the allocations queued meanwhile and is
/// decided in arrival order in their one transaction (the request fetched for writing, the candidates read nearest
/// first, the stock lines the plan takes from locked in stock-line id order, decided again from their current numbers,
/// the reservations and the request's events appended). When the locked numbers fall short of what the read promised and
/// other candidates might cover it, it starts over from a fresh read (a few rounds, then it takes what it holds); a race
/// lost anyway is decided again alone, then answered CONFLICT.
/// </summary>
public sealed class AllocateSupplyRequestHandler(Allocator allocator, IActorAccessor actors)
{
    public Task<Result<SupplyRequest>> Handle(AllocateSupplyRequest command, CancellationToken ct) =>
        allocator.AllocateAsync(command, actors.Current ?? Actor.System, IdempotentRequest.Current, ct);
}
