using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Supplies.Counting;
using static Muster.Tests.Supplies.Given;

namespace Muster.Tests.Supplies;

public sealed class AdjustStockTests
{
    private static readonly StockLine TwoLots = Line(Received(100, "W-1", Today.AddDays(100)), Received(50, "W-2", Today.AddDays(300)));

    private static AdjustStock Count(string lot, int counted, string reason = "月度盘点") => new(Depot.Id, Water, lot, counted, reason);

    [Fact]
    public void Given_a_lot_when_the_count_finds_less_then_the_difference_leaves_the_shelf()
    {
        var counted = AdjustStockDecision.Decide(Depot, WaterItem, TwoLots, Count(" W-1 ", 96), Partner).Value!;
        var line = StockLineEvolution.Evolve(TwoLots, counted, Now);

        Assert.Equal(("W-1", 96, -4, "月度盘点"), (counted.Lot, counted.Counted, counted.Difference, counted.Reason));
        Assert.Equal((146, 96), (line.OnHand, line.Lot("W-1")!.Quantity));
    }

    [Fact]
    public void Given_a_lot_when_the_count_finds_more_then_the_lot_grows()
    {
        var counted = AdjustStockDecision.Decide(Depot, WaterItem, TwoLots, Count("W-2", 55), Logistics).Value!;

        Assert.Equal((5, 155), (counted.Difference, StockLineEvolution.Evolve(TwoLots, counted, Now).OnHand));
    }

    [Fact]
    public void Given_a_lot_counted_to_zero_then_it_leaves_the_shelf() =>
        Assert.Null(StockLineEvolution.Evolve(TwoLots, AdjustStockDecision.Decide(Depot, WaterItem, TwoLots, Count("W-1", 0), Logistics).Value!, Now).Lot("W-1"));

    [Fact]
    public void Given_reservations_when_the_count_would_leave_less_than_reserved_then_it_is_insufficient_stock()
    {
        var reserved = Line(Received(100, "W-1", Today.AddDays(100)), Received(50, "W-2", Today.AddDays(300)), Reserved(140));

        Assert.Equal((ErrorCodes.InsufficientStock, "countedQuantity"), ErrorOf(AdjustStockDecision.Decide(Depot, WaterItem, reserved, Count("W-1", 80), Logistics)));
        Assert.True(AdjustStockDecision.Decide(Depot, WaterItem, reserved, Count("W-1", 90), Logistics).Succeeded);
    }

    [Theory]
    [InlineData("W-1", -1, "月度盘点", ErrorCodes.Validation, "countedQuantity")]
    [InlineData("W-1", 100, "月度盘点", ErrorCodes.Validation, "countedQuantity")]
    [InlineData("W-1", 90, "  ", ErrorCodes.Validation, "reason")]
    [InlineData("W-9", 90, "月度盘点", ErrorCodes.NotFound, "lot")]
    public void Given_bad_input_when_counting_then_it_is_refused(string lot, int counted, string reason, string code, string field) =>
        Assert.Equal((code, field), ErrorOf(AdjustStockDecision.Decide(Depot, WaterItem, TwoLots, Count(lot, counted, reason), Logistics)));

    [Fact]
    public void Given_a_line_never_stocked_when_counting_then_the_lot_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "lot"), ErrorOf(AdjustStockDecision.Decide(Depot, WaterItem, null, Count("W-1", 3), Logistics)));

    [Fact]
    public void Given_another_agencys_private_depot_when_a_partner_counts_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "depotId"), ErrorOf(AdjustStockDecision.Decide(Depot, WaterItem, TwoLots, Count("W-1", 1), OtherPartner)));
}
