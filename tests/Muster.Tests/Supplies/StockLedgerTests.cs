using JasperFx.Events;
using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Supplies.History;
using static Muster.Tests.Supplies.Given;

namespace Muster.Tests.Supplies;

public sealed class StockLedgerTests
{
    private static readonly Guid Request = Guid.NewGuid();

    private static IEvent Recorded(IStockLineEvent data, int version)
    {
        var e = new Event<IStockLineEvent>(data) { Version = version, Timestamp = Now.AddMinutes(version) };
        e.SetHeader(ActorMetadata.Subject, "officer-wang");
        e.SetHeader(ActorMetadata.Role, "logistics");
        return e;
    }

    [Fact]
    public void Given_a_stock_lines_events_the_ledger_tells_each_change_and_the_balance_after_it()
    {
        IStockLineEvent[] events =
        [
            new StockReceived(LineId, Depot.Id, Water, 100, "W-1", Today.AddDays(100), StockSource.Procured, null, "采购单 2026-118"),
            new StockReserved(LineId, Depot.Id, Water, Request, ReservationHolder.SupplyRequest, 30),
            new StockIssued(LineId, Depot.Id, Water, Request, 30, [new LotQuantity("W-1", Today.AddDays(100), 30)]),
            new StockCounted(LineId, Depot.Id, Water, "W-1", 68, -2, "月度盘点"),
            new StockWrittenOff(LineId, Depot.Id, Water, "W-1", 8, WriteOffReason.Damaged, "水浸"),
        ];

        var ledger = StockLedger.Of(events.Select((e, i) => Recorded(e, i + 1)));

        Assert.Equal(
            [LedgerEntryKind.Received, LedgerEntryKind.Reserved, LedgerEntryKind.Issued, LedgerEntryKind.Counted, LedgerEntryKind.WrittenOff],
            ledger.Select(e => e.Kind));
        Assert.Equal([100, 0, -30, -2, -8], ledger.Select(e => e.Quantity));
        Assert.Equal([0, 30, -30, 0, 0], ledger.Select(e => e.ReservedChange));
        Assert.Equal([(100, 100), (100, 70), (70, 70), (68, 68), (60, 60)], ledger.Select(e => (e.OnHandAfter, e.AvailableAfter)));
        Assert.Equal(ledger.Sum(e => e.Quantity), ledger[^1].OnHandAfter);
        Assert.Equal((ReservationHolder.SupplyRequest, Request), (ledger[2].Holder, ledger[2].HolderId));
        Assert.Equal(("月度盘点", "DAMAGED", "水浸"), (ledger[3].Reason, ledger[4].Reason, ledger[4].Note));
        Assert.Equal(new LotQuantity("W-1", Today.AddDays(100), -8), Assert.Single(ledger[4].Lots));
        Assert.Equal(new Actor("officer-wang", Role.Logistics, null), ledger[0].Actor);
    }
}
