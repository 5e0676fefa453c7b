using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Supplies.Reserving;

namespace Muster.Requests.Allocating;

public sealed record AllocateSupplyRequest(Guid RequestId);

public static class AllocateSupplyRequestDecision
{
    /// <summary>Whether the request may be allocated by the actor at all, before any stock is looked at.</summary>
    public static DomainError? Check(SupplyRequest? request, Actor actor) =>
        request is null
            ? RequestRules.NotFound
            : RequestRules.MayManage(actor)
              ?? RequestRules.InState(request, "allocated", SupplyRequestStatus.Requested, SupplyRequestStatus.Approved, SupplyRequestStatus.PartiallyAllocated);

    /// <summary>
    /// Reserves what the request still lacks from the nearest drawable stock, trusting only the stock lines fetched
    /// for writing (<paramref name="lines"/>): a candidate read before is taken at most at what its line has available
    /// now, and one not fetched is not taken at all. A REQUESTED request is approved on the way.
    /// </summary>
    public static Result<RequestChange> Decide(
        SupplyRequest? request, Actor actor, IReadOnlyList<StockCandidate> candidates, IReadOnlyDictionary<Guid, StockLine?> lines)
    {
        if (Check(request, actor) is { } refused)
        {
            return refused;
        }

        var current = candidates
            .Where(c => lines.GetValueOrDefault(c.StockLineId) is not null)
            .Select(c => c with { Available = lines[c.StockLineId]!.Available })
            .ToList();
        var plan = AllocationPlanner.Plan(request!.Missing(), request.AgencyId, current);
        var reservations = new List<IStockLineEvent>();
        foreach (var allocation in plan.Allocations)
        {
            var reserved = StockReservations.Reserve(lines[allocation.StockLineId], request.Id, ReservationHolder.SupplyRequest, allocation.Quantity);
            if (!reserved.Succeeded)
            {
                return Result<RequestChange>.Fail(reserved.Errors);
            }

            reservations.Add(reserved.Value!);
        }

        var allocated = new SupplyRequestAllocated(request.Id, plan.Allocations, plan.Shortfalls);
        return new RequestChange(reservations,
            request.Status == SupplyRequestStatus.Requested ? [new SupplyRequestApproved(request.Id), allocated] : [allocated]);
    }

    /// <summary>
    /// Something is still missing while a candidate the read offered for it was not locked: others took from the locked
    /// lines since the read, and the allocation should read again rather than fall short.
    /// </summary>
    public static bool ReadWasStale(RequestChange change, IReadOnlyList<StockCandidate> found, IReadOnlyDictionary<Guid, StockLine?> locked) =>
        change.RequestEvents.OfType<SupplyRequestAllocated>().Single().Shortfalls
            .Any(s => found.Any(c => c.ItemCode == s.ItemCode && !locked.ContainsKey(c.StockLineId)));
}
