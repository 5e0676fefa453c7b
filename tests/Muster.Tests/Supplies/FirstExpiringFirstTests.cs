using Muster.Supplies;
using static Muster.Tests.Supplies.Given;

namespace Muster.Tests.Supplies;

public sealed class FirstExpiringFirstTests
{
    private static readonly StockLine ThreeLots = Line(
        Received(30, "LATE", Today.AddDays(300)), Received(20, "NEVER"), Received(10, "SOON", Today.AddDays(10)));

    [Fact]
    public void Given_lots_with_different_expiries_when_picking_then_the_first_expiring_goes_first_and_one_without_expiry_last() =>
        Assert.Equal(
            [new LotQuantity("SOON", Today.AddDays(10), 10), new LotQuantity("LATE", Today.AddDays(300), 30), new LotQuantity("NEVER", null, 5)],
            StockLineEvolution.FirstExpiringFirst(ThreeLots, 45));

    [Fact]
    public void Given_lots_expiring_the_same_day_when_picking_then_they_go_by_lot_name()
    {
        var line = Line(Received(5, "B", Today.AddDays(5)), Received(5, "A", Today.AddDays(5)));

        Assert.Equal(["A", "B"], StockLineEvolution.FirstExpiringFirst(line, 7)!.Select(l => l.Lot));
    }

    [Fact]
    public void Given_less_on_the_shelf_when_picking_then_there_is_no_pick() =>
        Assert.Null(StockLineEvolution.FirstExpiringFirst(ThreeLots, 61));

    [Fact]
    public void Given_a_lot_that_has_expired_when_picking_then_it_goes_only_after_the_good_ones()
    {
        var line = Line(Received(5, "OLD", Today.AddDays(2)), Received(5, "GOOD", Today.AddDays(200)));
        var later = Today.AddDays(3);

        Assert.Equal(["GOOD"], StockLineEvolution.FirstExpiringFirst(line, 5, later)!.Select(l => l.Lot));
        Assert.Equal(["GOOD", "OLD"], StockLineEvolution.FirstExpiringFirst(line, 8, later)!.Select(l => l.Lot));
        Assert.Equal(["OLD", "GOOD"], StockLineEvolution.FirstExpiringFirst(line, 8, Today)!.Select(l => l.Lot));
    }
}
