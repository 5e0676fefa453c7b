using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;

namespace Muster.Requests.Allocating;

/// <summary>
/// Allocation in one transaction: read the candidates (nearest first), lock the stock lines the plan takes from (in
/// stock-line id order, so allocators never wait on each other in a cycle), decide again from their current numbers,
/// append the reservations and the request's events, commit. Waiting on a line's lock instead of losing a version race
/// lets a crowd of allocators of one line all succeed in turn. When the locked numbers fall short of what the read
/// promised and other candidates might cover it, the allocation starts over from a fresh read (a few rounds, then it
/// takes what it holds); a race lost anyway (a lock not had, a version moved on) is decided again by
/// <see cref="EventWriter"/>, then answered CONFLICT.
/// </summary>
public sealed class AllocateSupplyRequestHandler(EventWriter writer, StockCandidates candidates, AllocationGate gate)
{
    public const int Rounds = 3;

    public Task<Result<SupplyRequest>> Handle(AllocateSupplyRequest command, CancellationToken ct) =>
        gate.RunAsync(() => AllocateAsync(command, ct), ct);

    private async Task<Result<SupplyRequest>> AllocateAsync(AllocateSupplyRequest command, CancellationToken ct)
    {
        for (var round = 1; ; round++)
        {
            var readAgain = false;
            var lastRound = round == Rounds;
            var result = await writer.WriteAsync<SupplyRequest>(async (session, actor, token) =>
            {
                readAgain = false;
                var stream = await session.Events.FetchForWriting<SupplyRequest>(command.RequestId, token);
                if (AllocateSupplyRequestDecision.Check(stream.Aggregate, actor) is { } refused)
                {
                    return refused;
                }

                var request = stream.Aggregate!;
                var missing = request.Missing();
                var found = await candidates.NearestAsync(missing.Select(m => m.ItemCode).ToList(), request.DeliverTo, request.AgencyId, token);
                var tentative = AllocationPlanner.Plan(missing, request.AgencyId, found);
                // A line whose lock cannot be had is a lost race: the writer runs this again from a fresh read.
                var locked = await RequestWrites.FetchLinesAsync(session, tentative.Allocations.Select(a => a.StockLineId), token, exclusive: true);
                var lines = locked.Aggregates();
                var decision = AllocateSupplyRequestDecision.Decide(request, actor, found, lines);
                if (!decision.Succeeded)
                {
                    return Result<Written<SupplyRequest>>.Fail(decision.Errors);
                }

                if (!lastRound && ReadWasStale(decision.Value!, found, lines))
                {
                    readAgain = true;
                    return RequestWrites.Conflict;
                }

                return RequestWrites.Append(stream, locked, decision.Value!);
            }, RequestWrites.Conflict, ct, OnLostRace.DecideAgain);

            if (!readAgain || lastRound)
            {
                return result;
            }
        }
    }

    /// <summary>Something is still missing while a candidate the read offered for it was not locked: others took from the lines meanwhile.</summary>
    private static bool ReadWasStale(RequestChange change, IReadOnlyList<StockCandidate> found, IReadOnlyDictionary<Guid, StockLine?> locked) =>
        change.RequestEvents.OfType<SupplyRequestAllocated>().Single().Shortfalls
            .Any(s => found.Any(c => c.ItemCode == s.ItemCode && !locked.ContainsKey(c.StockLineId)));
}
