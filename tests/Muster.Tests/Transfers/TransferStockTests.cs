using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Transfers;
using Muster.Transfers.Starting;
using static Muster.Tests.Transfers.Given;

namespace Muster.Tests.Transfers;

public sealed class TransferStockTests
{
    [Fact]
    public void Given_stock_at_the_source_when_transferring_then_the_quantity_is_reserved_for_the_transfer_which_starts_reserved()
    {
        var id = Guid.NewGuid();

        var start = TransferStockDecision.Decide(BureauDepot, SharedDepot, WaterItem, WaterAt(BureauDepot), Move(BureauDepot, SharedDepot, 25), id, Logistics).Value!;

        Assert.Equal(new StockReserved(StockLineId.Of(BureauDepot.Id, Water), BureauDepot.Id, Water, id, ReservationHolder.Transfer, 25), start.Reserved);
        var transfer = TransferEvolution.Create(start.Started, Now);
        Assert.Equal((TransferStatus.Reserved, BureauDepot.Id, SharedDepot.Id, 25, "防汛前置"), (transfer.Status, transfer.FromDepotId, transfer.ToDepotId, transfer.Quantity, transfer.Note));
        Assert.Equal(5, StockLineEvolution.Evolve(WaterAt(BureauDepot), start.Reserved, Now).Available);
    }

    [Fact]
    public void Given_fewer_available_than_asked_when_transferring_then_it_is_insufficient_stock() =>
        Assert.Equal((ErrorCodes.InsufficientStock, "quantity"),
            ErrorOf(TransferStockDecision.Decide(BureauDepot, SharedDepot, WaterItem, WaterAt(BureauDepot), Move(BureauDepot, SharedDepot, 31), Guid.NewGuid(), Logistics)));

    [Fact]
    public void Given_stock_already_reserved_for_another_transfer_when_transferring_the_rest_and_more_then_it_is_insufficient_stock()
    {
        var (_, source) = Reserved(BureauDepot, SharedDepot);

        Assert.Equal(ErrorCodes.InsufficientStock,
            ErrorOf(TransferStockDecision.Decide(BureauDepot, SharedDepot, WaterItem, source, Move(BureauDepot, SharedDepot, 6), Guid.NewGuid(), Logistics)).Code);
    }

    [Fact]
    public void Given_no_stock_line_at_the_source_when_transferring_then_it_is_insufficient_stock() =>
        Assert.Equal(ErrorCodes.InsufficientStock,
            ErrorOf(TransferStockDecision.Decide(BureauDepot, SharedDepot, WaterItem, null, Move(BureauDepot, SharedDepot, 1), Guid.NewGuid(), Logistics)).Code);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(StockRules.MaxMovement + 1)]
    public void Given_a_quantity_out_of_bounds_when_transferring_then_it_is_a_validation_error(int quantity) =>
        Assert.Equal((ErrorCodes.Validation, "quantity"),
            ErrorOf(TransferStockDecision.Decide(BureauDepot, SharedDepot, WaterItem, WaterAt(BureauDepot), Move(BureauDepot, SharedDepot, quantity), Guid.NewGuid(), Logistics)));

    [Fact]
    public void Given_the_same_depot_at_both_ends_when_transferring_then_it_is_a_validation_error() =>
        Assert.Equal((ErrorCodes.Validation, "toDepotId"),
            ErrorOf(TransferStockDecision.Decide(BureauDepot, BureauDepot, WaterItem, WaterAt(BureauDepot), Move(BureauDepot, BureauDepot), Guid.NewGuid(), Logistics)));

    [Fact]
    public void Given_an_item_not_in_the_catalog_when_transferring_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "itemCode"),
            ErrorOf(TransferStockDecision.Decide(BureauDepot, SharedDepot, null, null, Move(BureauDepot, SharedDepot) with { ItemCode = "1029999" }, Guid.NewGuid(), Logistics)));

    [Fact]
    public void Given_unknown_depots_when_transferring_then_each_end_is_not_found()
    {
        Assert.Equal((ErrorCodes.NotFound, "fromDepotId"), ErrorOf(TransferStockDecision.Decide(null, SharedDepot, WaterItem, null, Move(BureauDepot, SharedDepot), Guid.NewGuid(), Logistics)));
        Assert.Equal((ErrorCodes.NotFound, "toDepotId"), ErrorOf(TransferStockDecision.Decide(BureauDepot, null, WaterItem, WaterAt(BureauDepot), Move(BureauDepot, SharedDepot), Guid.NewGuid(), Logistics)));
    }

    [Fact]
    public void Given_a_closed_destination_when_transferring_then_it_is_an_invalid_state() =>
        Assert.Equal((ErrorCodes.InvalidState, "toDepotId"),
            ErrorOf(TransferStockDecision.Decide(BureauDepot, ClosedDepot, WaterItem, WaterAt(BureauDepot), Move(BureauDepot, ClosedDepot), Guid.NewGuid(), Logistics)));

    [Fact]
    public void Given_a_partner_when_moving_between_its_own_depots_or_into_the_shared_pool_then_the_transfer_starts()
    {
        Assert.True(TransferStockDecision.Decide(RedCrossDepot, RedCrossSecondDepot, WaterItem, WaterAt(RedCrossDepot), Move(RedCrossDepot, RedCrossSecondDepot), Guid.NewGuid(), RedCrossPartner).Succeeded);
        Assert.True(TransferStockDecision.Decide(RedCrossDepot, SharedDepot, WaterItem, WaterAt(RedCrossDepot), Move(RedCrossDepot, SharedDepot), Guid.NewGuid(), RedCrossPartner).Succeeded);
    }

    [Fact]
    public void Given_a_partner_when_drawing_from_the_shared_pool_then_it_is_forbidden() =>
        Assert.Equal((ErrorCodes.Forbidden, "fromDepotId"),
            ErrorOf(TransferStockDecision.Decide(SharedDepot, RedCrossDepot, WaterItem, WaterAt(SharedDepot), Move(SharedDepot, RedCrossDepot), Guid.NewGuid(), RedCrossPartner)));

    [Fact]
    public void Given_a_partner_when_either_end_is_another_agencys_private_depot_then_it_is_not_found()
    {
        Assert.Equal((ErrorCodes.NotFound, "toDepotId"),
            ErrorOf(TransferStockDecision.Decide(RedCrossDepot, BureauDepot, WaterItem, WaterAt(RedCrossDepot), Move(RedCrossDepot, BureauDepot), Guid.NewGuid(), RedCrossPartner)));
        Assert.Equal((ErrorCodes.NotFound, "fromDepotId"),
            ErrorOf(TransferStockDecision.Decide(RedCrossDepot, SharedDepot, WaterItem, WaterAt(RedCrossDepot), Move(RedCrossDepot, SharedDepot), Guid.NewGuid(), MinePartner)));
    }

    [Fact]
    public void Given_a_commander_when_transferring_then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden,
            ErrorOf(TransferStockDecision.Decide(BureauDepot, SharedDepot, WaterItem, WaterAt(BureauDepot), Move(BureauDepot, SharedDepot), Guid.NewGuid(), Commander)).Code);
}
