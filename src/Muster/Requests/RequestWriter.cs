using JasperFx.Events;
using Marten;
using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Supplies.Writing;

namespace Muster.Requests;

/// <summary>What one change to a request writes: events on its stock lines, then on the request itself.</summary>
public sealed record RequestChange(IReadOnlyList<IStockLineEvent> StockEvents, IReadOnlyList<object> RequestEvents)
{
    public static RequestChange Of(params object[] requestEvents) => new([], requestEvents);

    public static implicit operator RequestChange(SupplyRequestApproved e) => Of(e);

    public static implicit operator RequestChange(SupplyRequestRejected e) => Of(e);

    public static implicit operator RequestChange(DeliveryConfirmed e) => Of(e);
}

/// <summary>
/// The write path of requests, on <see cref="StockTransaction"/>: the request and the stock lines it holds
/// reservations on are fetched for writing (lines in stock-line id order), the decision's events appended (lines
/// first, in that order, then the request) and committed in one transaction; a lost race decides again.
/// </summary>
public sealed class RequestWriter(StockTransaction transaction, IQuerySession reader)
{
    public static DomainError Conflict { get; } = DomainError.Conflict("the request or its stock kept changing; read it again and retry", "requestId");

    public StockTransaction Transaction => transaction;

    /// <summary>A change decided from the request and the stock lines that hold its reservations.</summary>
    public Task<Result<SupplyRequest>> ChangeAsync(
        Guid requestId, Func<SupplyRequest?, IReadOnlyDictionary<Guid, StockLine?>, Actor, Result<RequestChange>> decide, CancellationToken ct) =>
        RunAsync(transaction, async (session, actor, token) =>
        {
            var request = await session.Events.FetchForWriting<SupplyRequest>(requestId, token);
            var lines = await FetchLinesAsync(session, request.Aggregate?.ReservedLines() ?? [], token);
            var decision = decide(request.Aggregate, lines.ToDictionary(l => l.Key, l => l.Value.Aggregate), actor);
            return decision.Succeeded ? Append(request, lines, decision.Value!) : Result<Guid>.Fail(decision.Errors);
        }, ct);

    /// <summary>
    /// Runs a unit of work that names the request it changed, then reads the request as committed (its times are the
    /// events' own).
    /// </summary>
    public async Task<Result<SupplyRequest>> RunAsync(
        StockTransaction on, Func<IDocumentSession, Actor, CancellationToken, Task<Result<Guid>>> work, CancellationToken ct)
    {
        var changed = await on.RunAsync(work, Conflict, ct);
        return changed.Succeeded
            ? (await reader.LoadAsync<SupplyRequest>(changed.Value, ct))!
            : Result<SupplyRequest>.Fail(changed.Errors);
    }

    /// <summary>Stock lines fetched for writing in id order (<see cref="OrderedStreams"/>).</summary>
    public static Task<SortedDictionary<Guid, IEventStream<StockLine>>> FetchLinesAsync(
        IDocumentSession session, IEnumerable<Guid> lineIds, CancellationToken ct, bool exclusive = false) =>
        session.FetchForWritingAsync<StockLine>(lineIds, ct, exclusive);

    /// <summary>Appends the change: stock lines in id order, then the request.</summary>
    public static Result<Guid> Append(
        IEventStream<SupplyRequest> request, IReadOnlyDictionary<Guid, IEventStream<StockLine>> lines, RequestChange change)
    {
        foreach (var e in change.StockEvents.OrderBy(e => e.StockLineId))
        {
            lines[e.StockLineId].AppendOne(e);
        }

        request.AppendMany(change.RequestEvents);
        return request.Id;
    }
}
