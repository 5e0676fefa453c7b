using Marten;
using Muster.Catalog;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;
using Muster.Supplies.Reserving;
using Muster.Transfers;

namespace Muster.Transfers.Starting;

/// <summary>Move a quantity of an item from one depot to another (调拨).</summary>
public sealed record TransferStock(Guid FromDepotId, Guid ToDepotId, string ItemCode, int Quantity, string? Note);

/// <summary>The transfer started, and its quantity reserved at the source for it.</summary>
public sealed record TransferStart(TransferStarted Started, StockReserved Reserved);

public static class TransferStockDecision
{
    /// <summary>
    /// Admin and logistics move stock between any two open depots. A partner moves stock out of its own agency's
    /// depots, into its own or into the shared pool (pledging it); never out of the pool or into another agency's.
    /// </summary>
    public static Result<TransferStart> Decide(
        Depot? from, Depot? to, Item? item, StockLine? line, TransferStock command, Guid transferId, Actor actor)
    {
        if ((Ends(from, to, actor) ?? StockRules.Item(command.ItemCode, item) ?? StockRules.Quantity(command.Quantity)) is { } refused)
        {
            return refused;
        }

        var note = StockRules.Text(command.Note, "note", required: false);
        if (!note.Succeeded)
        {
            return Result<TransferStart>.Fail(note.Errors);
        }

        var reserved = StockReservations.Reserve(line, transferId, ReservationHolder.Transfer, command.Quantity);
        if (!reserved.Succeeded)
        {
            return Result<TransferStart>.Fail(reserved.Errors);
        }

        var started = new TransferStarted(transferId, from!.Id, to!.Id, command.ItemCode, command.Quantity, note.Value is "" ? null : note.Value);
        return new TransferStart(started, reserved.Value!);
    }

    private static DomainError? Ends(Depot? from, Depot? to, Actor actor)
    {
        if (from is null || !DepotVisibility.MaySee(actor, from))
        {
            return DomainError.NotFound("no such depot", "fromDepotId");
        }

        if (to is null || !DepotVisibility.MaySee(actor, to))
        {
            return DomainError.NotFound("no such depot", "toDepotId");
        }

        if (from.Id == to.Id)
        {
            return DomainError.Validation("a transfer moves stock between two depots: fromDepotId and toDepotId are the same", "toDepotId");
        }

        if (!DepotRules.MayAct(actor, from.AgencyId))
        {
            return new DomainError(ErrorCodes.Forbidden, "a partner moves stock out of its own agency's depots only", "fromDepotId");
        }

        if (!DepotRules.MayAct(actor, to.AgencyId) && !to.Shared)
        {
            return new DomainError(ErrorCodes.Forbidden, "a partner moves stock into its own agency's depots or the shared pool only", "toDepotId");
        }

        return from.Closed ? DomainError.InvalidState("the source depot is closed", "fromDepotId")
            : to.Closed ? DomainError.InvalidState("the destination depot is closed", "toDepotId")
            : null;
    }
}

public sealed class TransferStockHandler(EventWriter writer)
{
    public Task<Result<Transfer>> Handle(TransferStock command, CancellationToken ct)
    {
        // One id for every attempt: a retry starts the same transfer, never a second one.
        var transferId = Guid.CreateVersion7();
        return writer.WriteAsync<Transfer>(
            async (session, actor, token) =>
            {
                var source = await LineForWriting.FetchAsync(session, command.FromDepotId, command.ItemCode, token);
                var destination = await session.LoadAsync<Depot>(command.ToDepotId, token);
                var decision = TransferStockDecision.Decide(source.Depot, destination, source.Item, source.Line, command, transferId, actor);
                if (!decision.Succeeded)
                {
                    return Result<Written<Transfer>>.Fail(decision.Errors);
                }

                source.Stream.AppendOne(decision.Value!.Reserved);
                return Written.Started<Transfer>(session.Events.StartStream<Transfer>(transferId, decision.Value.Started));
            },
            LineForWriting.Conflict, ct, OnLostRace.DecideAgain);
    }
}
