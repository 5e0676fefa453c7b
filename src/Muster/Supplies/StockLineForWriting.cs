using JasperFx.Events;
using Marten;
using Muster.Catalog;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Supplies;

/// <summary>A stock line as a writer sees it: its depot, its item (null when unknown) and its stream fetched for writing.</summary>
public sealed record LineForWriting(Depot? Depot, Item? Item, IEventStream<StockLine> Stream)
{
    public StockLine? Line => Stream.Aggregate;

    public static readonly DomainError Conflict = DomainError.Conflict("the stock line kept changing; read it again and retry", "itemCode");

    /// <summary>
    /// A stock line with its depot and item, fetched for exclusive writing: writers of one line queue on its row instead
    /// of racing and retrying (32 receipts in flight on one line exhausted the retries). Only the very first events of a
    /// new line can still collide, and are decided again.
    /// </summary>
    public static async Task<LineForWriting> FetchAsync(IDocumentSession session, Guid depotId, string itemCode, CancellationToken ct)
    {
        var depot = await session.LoadAsync<Depot>(depotId, ct);
        var item = ItemCode.Check(itemCode) is null ? await session.LoadAsync<Item>(ItemCode.StreamId(itemCode), ct) : null;
        var stream = await session.Events.FetchForExclusiveWriting<StockLine>(StockLineId.Of(depotId, itemCode), ct);
        return new LineForWriting(depot, item, stream);
    }
}

public static class StockLineWrites
{
    /// <summary>One event on one stock line, decided from the line, its depot and its item; a lost race decides again.</summary>
    public static Task<Result<StockLine>> ChangeLineAsync<TEvent>(
        this EventWriter writer, Guid depotId, string itemCode, Func<LineForWriting, Actor, Result<TEvent>> decide, CancellationToken ct)
        where TEvent : IStockLineEvent =>
        writer.WriteAsync<StockLine>(
            async (session, actor, token) =>
            {
                var line = await LineForWriting.FetchAsync(session, depotId, itemCode, token);
                var decision = decide(line, actor);
                if (!decision.Succeeded)
                {
                    return Result<Written<StockLine>>.Fail(decision.Errors);
                }

                line.Stream.AppendOne(decision.Value!);
                return Written.To(line.Stream);
            },
            LineForWriting.Conflict, ct, OnLostRace.DecideAgain);
}
