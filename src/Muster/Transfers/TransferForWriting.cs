using JasperFx.Events;
using Marten;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;

namespace Muster.Transfers;

/// <summary>
/// A transfer as a step decides on it: the transfer, both depots, and the stock line at the end the step touches
/// (null when that line has no events yet). All null when there is no such transfer.
/// </summary>
public sealed record TransferForWriting(Transfer? Transfer, Depot? From, Depot? To, StockLine? Line)
{
    public static readonly TransferForWriting None = new(null, null, null, null);
}

/// <summary>The events of one step: one on the transfer's stream, and those on the stock line it touches.</summary>
public interface ITransferStep
{
    object TransferEvent { get; }

    IReadOnlyList<IStockLineEvent> StockEvents { get; }
}

public enum TransferEnd
{
    Source,
    Destination,
}

/// <summary>
/// How every step after the start is written, on <see cref="EventWriter"/>: the transfer and one stock line commit
/// together or not at all, and a lost race decides again.
/// </summary>
public static class TransferWrites
{
    public static readonly DomainError Conflict = DomainError.Conflict("the transfer or its stock kept changing; read it again and retry", "transferId");

    public static Task<Result<Transfer>> StepTransferAsync<TStep>(
        this EventWriter writer, Guid transferId, TransferEnd end, Func<TransferForWriting, Actor, Result<TStep>> decide, CancellationToken ct)
        where TStep : ITransferStep =>
        writer.WriteAsync<Transfer>(
            async (session, actor, token) =>
            {
                var (transfer, stream, line) = await FetchAsync(session, transferId, end, token);
                var decision = decide(transfer, actor);
                if (!decision.Succeeded)
                {
                    return Result<Written<Transfer>>.Fail(decision.Errors);
                }

                stream!.AppendOne(decision.Value!.TransferEvent);
                line!.Stream.AppendMany(decision.Value.StockEvents.Cast<object>().ToArray());
                return Written.To(stream);
            },
            Conflict, ct, OnLostRace.DecideAgain);

    /// <summary>The transfer's stream first, then the one stock line: every step takes them in this order.</summary>
    private static async Task<(TransferForWriting Transfer, IEventStream<Transfer>? Stream, LineForWriting? Line)> FetchAsync(
        IDocumentSession session, Guid transferId, TransferEnd end, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Transfer>(transferId, ct);
        if (stream.Aggregate is not { } transfer)
        {
            return (TransferForWriting.None, null, null);
        }

        var (here, there) = end == TransferEnd.Source ? (transfer.FromDepotId, transfer.ToDepotId) : (transfer.ToDepotId, transfer.FromDepotId);
        var line = await LineForWriting.FetchAsync(session, here, transfer.ItemCode, ct);
        var other = await session.LoadAsync<Depot>(there, ct);
        var state = end == TransferEnd.Source
            ? new TransferForWriting(transfer, line.Depot, other, line.Line)
            : new TransferForWriting(transfer, other, line.Depot, line.Line);
        return (state, stream, line);
    }
}
