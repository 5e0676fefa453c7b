using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Transfers;
using Muster.Transfers.Receiving;
using static Muster.Tests.Transfers.Given;

namespace Muster.Tests.Transfers;

public sealed class ReceiveTransferTests
{
    [Fact]
    public void Given_a_transfer_in_transit_when_receiving_then_the_destination_books_the_same_lots_with_their_expiry_as_transferred()
    {
        var (transfer, _) = InTransit(BureauDepot, SharedDepot);

        var receipt = ReceiveTransferDecision.Decide(new TransferForWriting(transfer, BureauDepot, SharedDepot, null), Logistics).Value!;

        var lineId = StockLineId.Of(SharedDepot.Id, Water);
        Assert.Equal(
            [
                new StockReceived(lineId, SharedDepot.Id, Water, 20, "W-SOON", Sooner, StockSource.Transferred, transfer.Id, "防汛前置"),
                new StockReceived(lineId, SharedDepot.Id, Water, 5, "W-LATE", Later, StockSource.Transferred, transfer.Id, "防汛前置"),
            ],
            receipt.Receipts);
        var received = TransferEvolution.Evolve(transfer, receipt.Received, Now.AddHours(3));
        Assert.Equal((TransferStatus.Received, 25, Now.AddHours(3)), (received.Status, receipt.Received.Quantity, received.ReceivedAt));
        var destination = receipt.Receipts.Aggregate((StockLine?)null, (line, e) => StockLineEvolution.Evolve(line, e, Now))!;
        Assert.Equal(25, destination.Available);
    }

    [Fact]
    public void Given_the_destination_holds_a_lot_of_the_same_name_with_another_expiry_when_receiving_then_the_lot_arrives_under_a_name_of_its_own()
    {
        var (transfer, _) = InTransit(BureauDepot, SharedDepot);
        var destination = StockLineEvolution.Evolve(null, Received(SharedDepot, "W-SOON", new DateOnly(2028, 1, 1), 4), Now);

        var receipt = ReceiveTransferDecision.Decide(new TransferForWriting(transfer, BureauDepot, SharedDepot, destination), Logistics).Value!;

        var renamed = receipt.Receipts[0];
        Assert.StartsWith("W-SOON/", renamed.Lot, StringComparison.Ordinal);
        Assert.Equal(Sooner, renamed.ExpiresOn);
        Assert.Equal("W-LATE", receipt.Receipts[1].Lot);
        var after = receipt.Receipts.Aggregate(destination, (line, e) => StockLineEvolution.Evolve(line, e, Now));
        Assert.Equal(new DateOnly(2028, 1, 1), after.Lot("W-SOON")!.ExpiresOn);
        Assert.Equal(Sooner, after.Lot(renamed.Lot)!.ExpiresOn);
    }

    [Fact]
    public void Given_a_reserved_transfer_when_receiving_then_it_is_an_invalid_state()
    {
        var (transfer, _) = Reserved(BureauDepot, SharedDepot);

        Assert.Equal((ErrorCodes.InvalidState, "transferId"), ErrorOf(ReceiveTransferDecision.Decide(new TransferForWriting(transfer, BureauDepot, SharedDepot, null), Logistics)));
    }

    [Fact]
    public void Given_a_received_transfer_when_receiving_again_then_it_is_an_invalid_state()
    {
        var (transfer, _) = InTransit(BureauDepot, SharedDepot);
        var receipt = ReceiveTransferDecision.Decide(new TransferForWriting(transfer, BureauDepot, SharedDepot, null), Logistics).Value!;
        var received = TransferEvolution.Evolve(transfer, receipt.Received, Now);

        Assert.Equal(ErrorCodes.InvalidState, ErrorOf(ReceiveTransferDecision.Decide(new TransferForWriting(received, BureauDepot, SharedDepot, null), Logistics)).Code);
    }

    [Fact]
    public void Given_a_partner_that_sent_stock_into_the_shared_pool_when_it_receives_there_then_it_is_forbidden()
    {
        var (transfer, _) = InTransit(RedCrossDepot, SharedDepot);

        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(ReceiveTransferDecision.Decide(new TransferForWriting(transfer, RedCrossDepot, SharedDepot, null), RedCrossPartner)).Code);
    }
}
