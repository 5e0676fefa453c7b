using JasperFx.Events;
using Muster.Infrastructure;

namespace Muster.Supplies.History;

/// <summary>The ledger of a stock line: its events in order, each with the balance it left; pure.</summary>
public static class StockLedger
{
    public static IReadOnlyList<StockLedgerEntry> Of(IEnumerable<IEvent> events)
    {
        var entries = new List<StockLedgerEntry>();
        StockLine? line = null;
        foreach (var e in events)
        {
            if (e.Data is not IStockLineEvent change)
            {
                continue;
            }

            var before = line;
            line = StockLineEvolution.Evolve(line, change, e.Timestamp);
            entries.Add(Entry(change, before, line, e.Version, e.Timestamp, ActorMetadata.Read(e.Headers)));
        }

        return entries;
    }

    private static StockLedgerEntry Entry(IStockLineEvent change, StockLine? before, StockLine after, long version, DateTimeOffset at, Actor? actor)
    {
        var entry = new StockLedgerEntry(version, at, default, after.OnHand - (before?.OnHand ?? 0), after.Reserved - (before?.Reserved ?? 0),
            [], after.OnHand, after.Reserved, null, null, null, null, null, null, actor);
        DateOnly? ExpiryOf(string lot) => before?.Lot(lot)?.ExpiresOn;
        return change switch
        {
            StockReceived e => entry with
            {
                Kind = LedgerEntryKind.Received, Lots = [new LotQuantity(e.Lot, e.ExpiresOn, e.Quantity)], Lot = e.Lot, Note = e.Note,
                Source = e.Source, HolderId = e.TransferId, Holder = e.TransferId is null ? null : ReservationHolder.Transfer,
            },
            StockReserved e => entry with { Kind = LedgerEntryKind.Reserved, HolderId = e.HolderId, Holder = e.Holder },
            ReservationReleased e => entry with
            {
                Kind = LedgerEntryKind.Released, Reason = e.Reason, HolderId = e.HolderId, Holder = HolderOf(before, e.HolderId),
            },
            StockIssued e => entry with
            {
                Kind = LedgerEntryKind.Issued, Lots = e.Lots.Select(l => l with { Quantity = -l.Quantity }).ToList(),
                HolderId = e.HolderId, Holder = HolderOf(before, e.HolderId),
            },
            StockCounted e => entry with
            {
                Kind = LedgerEntryKind.Counted, Lots = [new LotQuantity(e.Lot, ExpiryOf(e.Lot), e.Difference)], Lot = e.Lot, Reason = e.Reason,
            },
            StockWrittenOff e => entry with
            {
                Kind = LedgerEntryKind.WrittenOff, Lots = [new LotQuantity(e.Lot, ExpiryOf(e.Lot), -e.Quantity)], Lot = e.Lot,
                Reason = e.Reason.ToString().ToUpperInvariant(), Note = e.Note,
            },
            LotExpiryWarned e => entry with
            {
                Kind = LedgerEntryKind.ExpiryWarned, Lot = e.Lot, Reason = $"expires on {e.ExpiresOn:yyyy-MM-dd}",
                Note = $"{e.Quantity} on the shelf",
            },
            _ => entry,
        };
    }

    private static ReservationHolder? HolderOf(StockLine? line, Guid holderId) =>
        line?.Reservations.FirstOrDefault(r => r.HolderId == holderId)?.Holder;
}
