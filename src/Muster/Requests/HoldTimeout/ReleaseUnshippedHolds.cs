using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Requests.Cancelling;
using Muster.Supplies;
using Quartz;

namespace Muster.Requests.HoldTimeout;

public static class ReleaseHoldDecision
{
    /// <summary>
    /// An allocated request not shipped within <paramref name="holdTimeout"/> of its first allocation gives its stock
    /// back and is approved again; null when it is not due (already shipped, released, or still within its time).
    /// </summary>
    public static RequestChange? Decide(SupplyRequest? request, IReadOnlyDictionary<Guid, StockLine?> lines, TimeSpan holdTimeout, DateTimeOffset now)
    {
        if (request is not { HoldsStock: true, AllocatedAt: { } allocatedAt } || now - allocatedAt < holdTimeout)
        {
            return null;
        }

        var reason = $"hold time-out: not shipped within {holdTimeout.TotalHours:0.#} h of allocation";
        return new RequestChange(
            CancelSupplyRequestDecision.ReleaseAll(request, lines, reason),
            [new AllocationHoldExpired(request.Id, allocatedAt, holdTimeout)]);
    }
}

/// <summary>
/// Releases the reservations of allocated requests not shipped within <see cref="RequestsOptions.HoldTimeout"/>, each
/// request in its own transaction, with the job named as the actor. Idempotent: a released request is APPROVED and
/// no longer found. Clustered: one replica runs it each time.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReleaseUnshippedHolds(IDocumentStore store, EventWriter writer, TimeProvider time, RequestsOptions options) : IJob
{
    public static readonly JobKey Key = new("release-unshipped-holds", "requests");
    public static readonly Actor Actor = Actor.Job("hold-timeout");

    public const int Batch = 500;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - options.HoldTimeout;
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<SupplyRequest>()
                .Where(r => (r.Status == SupplyRequestStatus.Allocated || r.Status == SupplyRequestStatus.PartiallyAllocated) && r.AllocatedAt < cutoff)
                .OrderBy(r => r.AllocatedAt)
                .Select(r => r.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
        }

        var asJob = writer.ActingAs(Actor);
        foreach (var id in due)
        {
            await asJob.ChangeRequestAsync(id,
                (request, lines, _) => ReleaseHoldDecision.Decide(request, lines, options.HoldTimeout, time.GetUtcNow()) ?? Result<RequestChange>.Fail(RequestRules.NotFound),
                cancellationToken);
        }
    }
}
