using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Transfers;
using Muster.Transfers.Shipping;
using static Muster.Tests.Transfers.Given;

namespace Muster.Tests.Transfers;

public sealed class ShipTransferTests
{
    [Fact]
    public void Given_a_reserved_transfer_when_shipping_then_the_reservation_is_issued_first_expiring_lots_first_and_it_is_in_transit()
    {
        var (transfer, source) = Reserved(BureauDepot, SharedDepot);

        var shipment = ShipTransferDecision.Decide(new TransferForWriting(transfer, BureauDepot, SharedDepot, source), new ShipTransfer(transfer.Id, " 晋L·A1234 ", "王师傅"), Logistics).Value!;

        LotQuantity[] fefo = [new("W-SOON", Sooner, 20), new("W-LATE", Later, 5)];
        Assert.Equal(fefo, shipment.Issued.Lots);
        Assert.Equal(fefo, shipment.Shipped.Lots);
        Assert.Equal((25, "晋L·A1234", "王师傅"), (shipment.Shipped.Quantity, shipment.Shipped.Vehicle, shipment.Shipped.Driver));
        var shipped = TransferEvolution.Evolve(transfer, shipment.Shipped, Now.AddHours(1));
        Assert.Equal((TransferStatus.InTransit, Now.AddHours(1)), (shipped.Status, shipped.ShippedAt));
        var after = StockLineEvolution.Evolve(source, shipment.Issued, Now);
        Assert.Equal((5, 0, 5), (after.OnHand, after.Reserved, after.Available));
    }

    [Fact]
    public void Given_a_transfer_in_transit_when_shipping_again_then_it_is_an_invalid_state()
    {
        var (transfer, source) = InTransit(BureauDepot, SharedDepot);

        Assert.Equal((ErrorCodes.InvalidState, "transferId"),
            ErrorOf(ShipTransferDecision.Decide(new TransferForWriting(transfer, BureauDepot, SharedDepot, source), new ShipTransfer(transfer.Id, "晋L·A1234", "王师傅"), Logistics)));
    }

    [Fact]
    public void Given_no_vehicle_nor_driver_when_shipping_then_both_are_validation_errors()
    {
        var (transfer, source) = Reserved(BureauDepot, SharedDepot);

        var result = ShipTransferDecision.Decide(new TransferForWriting(transfer, BureauDepot, SharedDepot, source), new ShipTransfer(transfer.Id, " ", ""), Logistics);

        Assert.Equal(["vehicle", "driver"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCodes.Validation, e.Code));
    }

    [Fact]
    public void Given_a_destination_closed_meanwhile_when_shipping_then_it_is_an_invalid_state()
    {
        var (transfer, source) = Reserved(BureauDepot, SharedDepot);

        Assert.Equal(ErrorCodes.InvalidState,
            ErrorOf(ShipTransferDecision.Decide(new TransferForWriting(transfer, BureauDepot, ClosedDepot, source), new ShipTransfer(transfer.Id, "晋L·A1234", "王师傅"), Logistics)).Code);
    }

    [Fact]
    public void Given_a_partner_keeping_only_the_destination_when_shipping_then_it_is_forbidden()
    {
        var (transfer, source) = Reserved(SharedDepot, RedCrossDepot);

        Assert.Equal(ErrorCodes.Forbidden,
            ErrorOf(ShipTransferDecision.Decide(new TransferForWriting(transfer, SharedDepot, RedCrossDepot, source), new ShipTransfer(transfer.Id, "晋L·A1234", "王师傅"), RedCrossPartner)).Code);
    }

    [Fact]
    public void Given_a_transfer_touching_another_agencys_private_depot_when_a_partner_ships_then_it_is_not_found()
    {
        var (transfer, source) = Reserved(BureauDepot, SharedDepot);

        Assert.Equal(ErrorCodes.NotFound,
            ErrorOf(ShipTransferDecision.Decide(new TransferForWriting(transfer, BureauDepot, SharedDepot, source), new ShipTransfer(transfer.Id, "晋L·A1234", "王师傅"), RedCrossPartner)).Code);
    }

    [Fact]
    public void Given_no_transfer_when_shipping_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "transferId"), ErrorOf(ShipTransferDecision.Decide(TransferForWriting.None, new ShipTransfer(Guid.NewGuid(), "v", "d"), Logistics)));
}
