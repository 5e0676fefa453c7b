using JasperFx.Events;
using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Idempotency;
using Muster.Infrastructure.Writing;
using Muster.Supplies;

namespace Muster.Requests.Allocating;

/// <summary>One caller's allocation waiting in the <see cref="Allocator"/>'s queue, with the key it was sent under.</summary>
public sealed record QueuedAllocation(AllocateSupplyRequest Command, IdempotentRequest? Key);

/// <summary>
/// The unit of work of one batch of allocations by one actor, on one session: fetch every request for writing (one
/// round trip), read the candidates of all of them (one query, nearest first), lock the stock lines the batch would take
/// from (in stock-line id order, so batches of two instances never wait on each other in a cycle), then decide each
/// allocation in arrival order with <see cref="AllocateSupplyRequestDecision"/> on the numbers as the allocations before
/// it left them, appending its events as it goes. The caller commits once and answers each allocation with
/// <see cref="Answer"/>. A request refused by the decision appends nothing and fails alone.
/// </summary>
public sealed class AllocationBatch(IReadOnlyList<QueuedAllocation> allocations)
{
    private readonly Result<int>[] _decided = new Result<int>[allocations.Count];
    private IReadOnlyDictionary<Guid, IEventStream<SupplyRequest>> _requests = new Dictionary<Guid, IEventStream<SupplyRequest>>();

    public IReadOnlyList<QueuedAllocation> Allocations => allocations;

    /// <summary>
    /// Decides the batch on <paramref name="session"/>. False when the stock read was stale for some allocation and
    /// <paramref name="lastRound"/> is not reached: the caller drops the session (nothing is written) and runs it again
    /// from a fresh read, as a single allocation does. On the last round each takes what the locked lines hold.
    /// </summary>
    public async Task<bool> DecideAsync(IDocumentSession session, Actor actor, StockCandidates candidates, bool lastRound, TimeProvider time, CancellationToken ct)
    {
        var ids = allocations.Select(a => a.Command.RequestId).Distinct().ToList();
        var fetched = await session.Events.FetchManyForWriting<SupplyRequest>(ids, ct);
        _requests = ids.Zip(fetched).ToDictionary(p => p.First, p => p.Second);
        var requests = _requests.ToDictionary(p => p.Key, p => p.Value.Aggregate);

        var wanted = allocations.Select(a => requests[a.Command.RequestId] is { } r && AllocateSupplyRequestDecision.Check(r, actor) is null
            ? new CandidateQuery(r.Missing().Select(m => m.ItemCode).ToList(), r.DeliverTo, r.AgencyId)
            : null).ToList();
        // Enough for the whole batch from each scan: whichever requests take from its lines first, each finds its own.
        var enough = wanted.Zip(allocations)
            .Where(p => p.First is not null)
            .SelectMany(p => requests[p.Second.Command.RequestId]!.Missing())
            .GroupBy(m => m.ItemCode)
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Quantity));
        var found = await candidates.NearestAsync(wanted, ct, enough);

        var locked = await RequestWrites.FetchLinesAsync(session, TentativeLines(requests, found), ct, exclusive: true);
        var lines = locked.Aggregates();
        for (var i = 0; i < allocations.Count; i++)
        {
            var request = _requests[allocations[i].Command.RequestId];
            var decision = AllocateSupplyRequestDecision.Decide(requests[request.Id], actor, found[i], lines);
            if (!decision.Succeeded)
            {
                _decided[i] = Result<int>.Fail(decision.Errors);
                continue;
            }

            if (!lastRound && AllocateSupplyRequestDecision.ReadWasStale(decision.Value!, found[i], lines))
            {
                return false;
            }

            RequestWrites.Append(request, locked, decision.Value!);
            foreach (var e in decision.Value!.StockEvents)
            {
                lines[e.StockLineId] = StockLine.After(lines[e.StockLineId], locked[e.StockLineId].Events.Single(x => ReferenceEquals(x.Data, e)));
            }

            requests[request.Id] = request.Events.Skip(request.Events.Count - decision.Value!.RequestEvents.Count)
                .Aggregate(requests[request.Id], SupplyRequest.After);
            _decided[i] = request.Events.Count;
            if (allocations[i].Key is { } key)
            {
                IdempotencyKeyRecorder.Record(session, key, time);
            }
        }

        return true;
    }

    /// <summary>
    /// What allocation <paramref name="index"/> answers after the commit: its request as fetched, evolved by the events
    /// appended to it up to and including its own (their committed timestamps), or why it was refused.
    /// </summary>
    public Result<SupplyRequest> Answer(int index)
    {
        var decided = _decided[index];
        if (!decided.Succeeded)
        {
            return Result<SupplyRequest>.Fail(decided.Errors);
        }

        var stream = _requests[allocations[index].Command.RequestId];
        return new Written<SupplyRequest>(stream.Aggregate, stream.Events.Take(decided.Value).ToList()).State();
    }

    /// <summary>
    /// The lines the batch would take from if the numbers read were still true: each allocation in arrival order planned
    /// on what the ones before it left. Locking these (and only these) keeps the lock set small; a read gone stale
    /// meanwhile shows in the decision (<see cref="AllocateSupplyRequestDecision.ReadWasStale"/>).
    /// </summary>
    private List<Guid> TentativeLines(Dictionary<Guid, SupplyRequest?> requests, IReadOnlyList<IReadOnlyList<StockCandidate>> found)
    {
        var left = new Dictionary<Guid, int>();
        var taken = new Dictionary<Guid, List<ItemQuantity>>();
        var lines = new List<Guid>();
        for (var i = 0; i < allocations.Count; i++)
        {
            if (requests[allocations[i].Command.RequestId] is not { } request || found[i].Count == 0)
            {
                continue;
            }

            var already = taken.GetValueOrDefault(request.Id) ?? [];
            var missing = request.Missing()
                .Select(m => m with { Quantity = m.Quantity - already.Where(t => t.ItemCode == m.ItemCode).Sum(t => t.Quantity) })
                .Where(m => m.Quantity > 0).ToList();
            var current = found[i].Select(c => c with { Available = left.TryGetValue(c.StockLineId, out var l) ? l : c.Available }).ToList();
            foreach (var allocation in AllocationPlanner.Plan(missing, request.AgencyId, current).Allocations)
            {
                left[allocation.StockLineId] = current.First(c => c.StockLineId == allocation.StockLineId).Available - allocation.Quantity;
                already.Add(new ItemQuantity(allocation.ItemCode, allocation.Quantity));
                lines.Add(allocation.StockLineId);
            }

            taken[request.Id] = already;
        }

        return lines;
    }
}
