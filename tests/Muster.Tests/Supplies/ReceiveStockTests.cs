using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Supplies.Receiving;
using static Muster.Tests.Supplies.Given;

namespace Muster.Tests.Supplies;

public sealed class ReceiveStockTests
{
    private static ReceiveStock Receipt(int quantity, string? lot = "W-1", DateOnly? expiresOn = null) =>
        new(Depot.Id, Water, quantity, lot, expiresOn, StockSource.Donated, " 红十字会捐赠 ");

    [Fact]
    public void Given_an_empty_line_when_receiving_then_the_lot_is_on_the_shelf_and_available()
    {
        var received = ReceiveStockDecision.Decide(Depot, WaterItem, null, Receipt(120, expiresOn: Today.AddDays(200)), Logistics, Today).Value!;
        var line = StockLineEvolution.Evolve(null, received, Now);

        Assert.Equal(("W-1", 120, "红十字会捐赠"), (received.Lot, received.Quantity, received.Note));
        Assert.Equal((120, 0, 120), (line.OnHand, line.Reserved, line.Available));
        Assert.Equal(new LotBalance("W-1", Today.AddDays(200), 120), Assert.Single(line.Lots));
    }

    [Fact]
    public void Given_an_item_with_a_shelf_life_when_receiving_without_lot_or_expiry_then_both_follow_from_today()
    {
        var received = ReceiveStockDecision.Decide(Depot, WaterItem, null, Receipt(10, lot: null), Logistics, Today).Value!;

        Assert.Equal(("R20261129", Today.AddDays(365)), (received.Lot, received.ExpiresOn));
    }

    [Fact]
    public void Given_a_lot_on_the_shelf_when_receiving_more_of_it_then_the_lot_grows()
    {
        var line = Line(Received(100, "W-1", Today.AddDays(200)));

        var received = ReceiveStockDecision.Decide(Depot, WaterItem, line, Receipt(20, expiresOn: Today.AddDays(200)), Logistics, Today).Value!;

        Assert.Equal(120, Assert.Single(StockLineEvolution.Evolve(line, received, Now).Lots).Quantity);
    }

    [Theory]
    [InlineData(0, 200, ErrorCodes.Validation, "quantity")]
    [InlineData(1_000_001, 200, ErrorCodes.Validation, "quantity")]
    [InlineData(10, 0, ErrorCodes.Validation, "expiresOn")]
    [InlineData(10, -3, ErrorCodes.Validation, "expiresOn")]
    public void Given_bad_input_when_receiving_then_it_is_refused(int quantity, int expiresInDays, string code, string field) =>
        Assert.Equal((code, field), ErrorOf(ReceiveStockDecision.Decide(Depot, WaterItem, null, Receipt(quantity, expiresOn: Today.AddDays(expiresInDays)), Logistics, Today)));

    [Fact]
    public void Given_another_agencys_private_depot_when_a_partner_receives_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "depotId"), ErrorOf(ReceiveStockDecision.Decide(Depot, WaterItem, null, Receipt(5), OtherPartner, Today)));

    [Fact]
    public void Given_an_unknown_item_when_receiving_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "itemCode"), ErrorOf(ReceiveStockDecision.Decide(Depot, null, null, Receipt(5), Partner, Today)));
}
