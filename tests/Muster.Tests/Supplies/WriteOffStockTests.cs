using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Supplies.WritingOff;
using static Muster.Tests.Supplies.Given;

namespace Muster.Tests.Supplies;

public sealed class WriteOffStockTests
{
    private static readonly StockLine TwoLots = Line(Received(100, "W-1", Today.AddDays(100)), Received(50, "W-2", Today.AddDays(300)));

    private static WriteOffStock WriteOff(string lot, int quantity, string? note = "水浸受潮") =>
        new(Depot.Id, Water, lot, quantity, WriteOffReason.Damaged, note);

    [Fact]
    public void Given_a_lot_when_writing_off_part_of_it_then_that_much_leaves_the_shelf()
    {
        var writtenOff = WriteOffStockDecision.Decide(Depot, WaterItem, TwoLots, WriteOff("W-2", 20), Partner).Value!;
        var line = StockLineEvolution.Evolve(TwoLots, writtenOff, Now);

        Assert.Equal(("W-2", 20, WriteOffReason.Damaged, "水浸受潮"), (writtenOff.Lot, writtenOff.Quantity, writtenOff.Reason, writtenOff.Note));
        Assert.Equal((130, 30), (line.OnHand, line.Lot("W-2")!.Quantity));
    }

    [Fact]
    public void Given_a_lot_when_writing_off_all_of_it_then_it_leaves_the_shelf() =>
        Assert.Equal(["W-1"], StockLineEvolution.Evolve(TwoLots, WriteOffStockDecision.Decide(Depot, WaterItem, TwoLots, WriteOff("W-2", 50, null), Logistics).Value!, Now)
            .Lots.Select(l => l.Lot));

    [Fact]
    public void Given_reserved_stock_when_writing_off_more_than_is_unreserved_then_it_is_insufficient_stock()
    {
        var reserved = Line(Received(100, "W-1", Today.AddDays(100)), Received(50, "W-2", Today.AddDays(300)), Reserved(120));

        Assert.Equal((ErrorCodes.InsufficientStock, "quantity"), ErrorOf(WriteOffStockDecision.Decide(Depot, WaterItem, reserved, WriteOff("W-2", 31), Logistics)));
        Assert.True(WriteOffStockDecision.Decide(Depot, WaterItem, reserved, WriteOff("W-2", 30), Logistics).Succeeded);
    }

    [Theory]
    [InlineData("W-2", 51, ErrorCodes.InsufficientStock, "quantity")]
    [InlineData("W-2", 0, ErrorCodes.Validation, "quantity")]
    [InlineData("W-2", -1, ErrorCodes.Validation, "quantity")]
    [InlineData("W-3", 1, ErrorCodes.NotFound, "lot")]
    public void Given_bad_input_when_writing_off_then_it_is_refused(string lot, int quantity, string code, string field) =>
        Assert.Equal((code, field), ErrorOf(WriteOffStockDecision.Decide(Depot, WaterItem, TwoLots, WriteOff(lot, quantity), Logistics)));

    [Fact]
    public void Given_a_note_too_long_when_writing_off_then_it_is_refused() =>
        Assert.Equal((ErrorCodes.Validation, "note"), ErrorOf(WriteOffStockDecision.Decide(Depot, WaterItem, TwoLots, WriteOff("W-1", 1, new string('x', 501)), Logistics)));

    [Fact]
    public void Given_a_closed_depot_when_writing_off_then_it_is_an_invalid_state() =>
        Assert.Equal((ErrorCodes.InvalidState, "depotId"), ErrorOf(WriteOffStockDecision.Decide(Muster.Tests.Depots.Given.ClosedDepot, WaterItem, TwoLots, WriteOff("W-1", 1), Logistics)));
}
