using JasperFx.Events;
using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;

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
/// How requests are written, on <see cref="EventWriter"/>: the request and the stock lines it holds reservations on
/// are fetched for writing (lines in stock-line id order), the decision's events appended (lines first, in that order,
/// then the request) and committed in one transaction; a lost race decides again.
/// </summary>
public static class RequestWrites
{
    public static DomainError Conflict { get; } = DomainError.Conflict("the request or its stock kept changing; read it again and retry", "requestId");

    /// <summary>A change decided from the request and the stock lines that hold its reservations.</summary>
    public static Task<Result<SupplyRequest>> ChangeRequestAsync(
        this EventWriter writer, Guid requestId, Func<SupplyRequest?, IReadOnlyDictionary<Guid, StockLine?>, Actor, Result<RequestChange>> decide,
        CancellationToken ct) =>
        writer.WriteAsync<SupplyRequest>(async (session, actor, token) =>
        {
            var request = await session.Events.FetchForWriting<SupplyRequest>(requestId, token);
            var lines = await FetchLinesAsync(session, request.Aggregate?.ReservedLines() ?? [], token);
            var decision = decide(request.Aggregate, lines.Aggregates(), actor);
            return decision.Succeeded ? Append(request, lines, decision.Value!) : Result<Written<SupplyRequest>>.Fail(decision.Errors);
        }, Conflict, ct, OnLostRace.DecideAgain);

    /// <summary>Stock lines fetched for writing in id order (<see cref="OrderedStreams"/>).</summary>
    public static Task<SortedDictionary<Guid, IEventStream<StockLine>>> FetchLinesAsync(
        IDocumentSession session, IEnumerable<Guid> lineIds, CancellationToken ct, bool exclusive = false) =>
        session.FetchForWritingAsync<StockLine>(lineIds, ct, exclusive);

    /// <summary>Appends the change: stock lines in id order, then the request.</summary>
    public static Written<SupplyRequest> Append(
        IEventStream<SupplyRequest> request, IReadOnlyDictionary<Guid, IEventStream<StockLine>> lines, RequestChange change)
    {
        foreach (var e in change.StockEvents.OrderBy(e => e.StockLineId))
        {
            lines[e.StockLineId].AppendOne(e);
        }

        request.AppendMany(change.RequestEvents);
        return Written.To(request);
    }
}
