using Muster.Supplies;
using Muster.Supplies.Expiring;
using static Muster.Tests.Supplies.Given;

namespace Muster.Tests.Supplies;

public sealed class ExpirySweepTests
{
    private static StockLine Apply(StockLine line, IEnumerable<IStockLineEvent> events) =>
        events.Aggregate(line, (current, e) => StockLineEvolution.Evolve(current, e, Now));

    [Fact]
    public void Given_a_lot_expiring_within_the_warning_days_when_sweeping_then_it_is_warned_once()
    {
        var line = Line(Received(40, "SOON", Today.AddDays(20)), Received(10, "LATER", Today.AddDays(31)), Received(5, "NEVER"));

        var first = ExpirySweepDecision.Decide(line, Today, 30);
        var again = ExpirySweepDecision.Decide(Apply(line, first), Today, 30);

        Assert.Equal([new LotExpiryWarned(LineId, Depot.Id, Water, "SOON", Today.AddDays(20), 40)], first);
        Assert.Empty(again);
    }

    [Fact]
    public void Given_an_expired_lot_when_sweeping_then_it_is_written_off_as_expired_and_nothing_more_the_second_time()
    {
        var line = Line(Received(40, "GONE", Today), Received(10, "FRESH", Today.AddDays(200)));

        var first = ExpirySweepDecision.Decide(line, Today, 30);
        var swept = Apply(line, first);

        var writeOff = Assert.IsType<StockWrittenOff>(Assert.Single(first));
        Assert.Equal(("GONE", 40, WriteOffReason.Expired), (writeOff.Lot, writeOff.Quantity, writeOff.Reason));
        Assert.Contains("expiry sweep", writeOff.Note, StringComparison.Ordinal);
        Assert.Equal(10, swept.OnHand);
        Assert.Empty(ExpirySweepDecision.Decide(swept, Today, 30));
    }

    [Fact]
    public void Given_an_expired_lot_partly_reserved_when_sweeping_then_only_the_unreserved_part_is_written_off_and_the_rest_warned()
    {
        var line = Line(Received(40, "GONE", Today.AddDays(-1)), Reserved(15));

        var first = ExpirySweepDecision.Decide(line, Today, 30);
        var swept = Apply(line, first);

        Assert.Equal(25, Assert.Single(first.OfType<StockWrittenOff>()).Quantity);
        Assert.Equal(15, Assert.Single(first.OfType<LotExpiryWarned>()).Quantity);
        Assert.Equal((15, 15, 0), (swept.OnHand, swept.Reserved, swept.Available));
        Assert.Empty(ExpirySweepDecision.Decide(swept, Today, 30));
    }

    [Fact]
    public void Given_two_expired_lots_and_reservations_when_sweeping_then_the_unreserved_stock_is_written_off_earliest_first()
    {
        var line = Line(Received(10, "OLDEST", Today.AddDays(-5)), Received(10, "OLD", Today.AddDays(-2)), Reserved(12));

        var writeOffs = ExpirySweepDecision.Decide(line, Today, 30).OfType<StockWrittenOff>().Select(w => (w.Lot, w.Quantity));

        Assert.Equal([("OLDEST", 8)], writeOffs);
    }

    [Fact]
    public void Given_a_warned_lot_that_left_the_shelf_when_the_same_lot_number_comes_back_then_it_is_warned_again()
    {
        var warned = Apply(Line(Received(10, "L1", Today.AddDays(5))), ExpirySweepDecision.Decide(Line(Received(10, "L1", Today.AddDays(5))), Today, 30));
        var gone = StockLineEvolution.Evolve(warned, new StockWrittenOff(LineId, Depot.Id, Water, "L1", 10, WriteOffReason.Damaged, null), Now);
        var back = StockLineEvolution.Evolve(gone, Received(10, "L1", Today.AddDays(25))(gone), Now);

        Assert.Empty(gone.WarnedLots);
        Assert.Equal(Today.AddDays(25), Assert.IsType<LotExpiryWarned>(Assert.Single(ExpirySweepDecision.Decide(back, Today, 30))).ExpiresOn);
    }
}
