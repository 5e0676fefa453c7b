using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Transfers;
using Muster.Transfers.Cancelling;
using static Muster.Tests.Transfers.Given;

namespace Muster.Tests.Transfers;

public sealed class CancelTransferTests
{
    [Fact]
    public void Given_a_reserved_transfer_when_cancelling_then_its_reservation_is_released_and_it_is_cancelled()
    {
        var (transfer, source) = Reserved(BureauDepot, SharedDepot);

        var cancellation = CancelTransferDecision.Decide(new TransferForWriting(transfer, BureauDepot, SharedDepot, source), new CancelTransfer(transfer.Id, " 道路中断 "), Logistics).Value!;

        Assert.Equal(new ReservationReleased(source.Id, BureauDepot.Id, Water, transfer.Id, 25, "道路中断"), cancellation.Released);
        Assert.Equal(30, StockLineEvolution.Evolve(source, cancellation.Released!, Now).Available);
        var cancelled = TransferEvolution.Evolve(transfer, cancellation.Cancelled, Now);
        Assert.Equal((TransferStatus.Cancelled, "道路中断"), (cancelled.Status, cancelled.CancelReason));
    }

    [Fact]
    public void Given_a_shipped_transfer_when_cancelling_then_it_is_an_invalid_state()
    {
        var (transfer, source) = InTransit(BureauDepot, SharedDepot);

        Assert.Equal((ErrorCodes.InvalidState, "transferId"),
            ErrorOf(CancelTransferDecision.Decide(new TransferForWriting(transfer, BureauDepot, SharedDepot, source), new CancelTransfer(transfer.Id, "太迟"), Logistics)));
    }

    [Fact]
    public void Given_no_reason_when_cancelling_then_it_is_a_validation_error()
    {
        var (transfer, source) = Reserved(BureauDepot, SharedDepot);

        Assert.Equal((ErrorCodes.Validation, "reason"),
            ErrorOf(CancelTransferDecision.Decide(new TransferForWriting(transfer, BureauDepot, SharedDepot, source), new CancelTransfer(transfer.Id, "  "), Logistics)));
    }

    [Fact]
    public void Given_a_partner_keeping_only_the_destination_when_cancelling_then_it_is_forbidden()
    {
        var (transfer, source) = Reserved(SharedDepot, RedCrossDepot);

        Assert.Equal(ErrorCodes.Forbidden,
            ErrorOf(CancelTransferDecision.Decide(new TransferForWriting(transfer, SharedDepot, RedCrossDepot, source), new CancelTransfer(transfer.Id, "不要了"), RedCrossPartner)).Code);
    }
}
