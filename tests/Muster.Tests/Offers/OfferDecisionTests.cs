using Muster.Infrastructure;
using Muster.Offers;
using Muster.Offers.Accepting;
using Muster.Offers.Declining;
using Muster.Offers.Offering;
using Muster.Spatial;
using Muster.Supplies;
using static Muster.Tests.Transfers.Given;

namespace Muster.Tests.Offers;

public sealed class OfferDecisionTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static OfferResource Water40(string? lot = "DON-1", DateOnly? expiresOn = null) =>
        new(Water, 40, lot, expiresOn ?? Later, " 企业捐赠 ", new GeoPoint(36.57, 111.72), "东门", "msg-1");

    private static Offer Offered(string? lot = "DON-1") =>
        OfferEvolution.Create(OfferResourceDecision.Decide(Water40(lot), WaterItem, RedCrossPartner, Guid.NewGuid(), Today).Value!, Now);

    [Fact]
    public void Given_a_partner_when_offering_then_the_offer_speaks_for_its_agency_with_trimmed_text()
    {
        var offered = OfferResourceDecision.Decide(Water40(), WaterItem, RedCrossPartner, Guid.NewGuid(), Today).Value!;

        Assert.Equal((RedCross, Water, 40, "DON-1", "企业捐赠"), (offered.AgencyId, offered.ItemCode, offered.Quantity, offered.Lot, offered.Description));
        Assert.Equal(OfferStatus.Offered, OfferEvolution.Create(offered, Now).Status);
    }

    [Fact]
    public void Given_a_caller_without_an_agency_or_an_unknown_item_or_expired_stock_when_offering_then_nothing_is_offered()
    {
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(OfferResourceDecision.Decide(Water40(), WaterItem, Logistics, Guid.NewGuid(), Today)).Code);
        Assert.Equal((ErrorCodes.NotFound, "itemCode"), ErrorOf(OfferResourceDecision.Decide(Water40(), null, RedCrossPartner, Guid.NewGuid(), Today)));
        Assert.Equal((ErrorCodes.Validation, "expiresOn"), ErrorOf(OfferResourceDecision.Decide(Water40(expiresOn: Today), WaterItem, RedCrossPartner, Guid.NewGuid(), Today)));
        Assert.Equal((ErrorCodes.Validation, "quantity"),
            ErrorOf(OfferResourceDecision.Decide(Water40() with { Quantity = 0 }, WaterItem, RedCrossPartner, Guid.NewGuid(), Today)));
    }

    [Fact]
    public void Given_an_offer_when_logistics_accepts_it_into_a_depot_then_its_stock_is_received_there_as_a_donation()
    {
        var offer = Offered();

        var acceptance = AcceptOfferDecision.Decide(offer, SharedDepot, WaterItem, null, new AcceptOffer(offer.Id, SharedDepot.Id), Logistics, Today).Value!;

        Assert.Equal(new OfferAccepted(offer.Id, SharedDepot.Id), acceptance.Accepted);
        Assert.Equal((SharedDepot.Id, Water, 40, "DON-1", (DateOnly?)Later, StockSource.Donated),
            (acceptance.Received.DepotId, acceptance.Received.ItemCode, acceptance.Received.Quantity, acceptance.Received.Lot, acceptance.Received.ExpiresOn, acceptance.Received.Source));
    }

    [Fact]
    public void Given_an_offer_when_a_partner_or_a_commander_decides_on_it_then_it_is_forbidden()
    {
        var offer = Offered();

        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(AcceptOfferDecision.Decide(offer, SharedDepot, WaterItem, null, new AcceptOffer(offer.Id, SharedDepot.Id), RedCrossPartner, Today)).Code);
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(DeclineOfferDecision.Decide(offer, new DeclineOffer(offer.Id, "不要"), Commander)).Code);
        Assert.Equal((ErrorCodes.NotFound, "offerId"), ErrorOf(DeclineOfferDecision.Decide(offer, new DeclineOffer(offer.Id, "不要"), MinePartner)));
    }

    [Fact]
    public void Given_a_decided_offer_when_deciding_again_then_it_is_a_conflict()
    {
        var offer = Offered() with { Status = OfferStatus.Declined };

        Assert.Equal((ErrorCodes.Conflict, "offerId"), ErrorOf(AcceptOfferDecision.Decide(offer, SharedDepot, WaterItem, null, new AcceptOffer(offer.Id, SharedDepot.Id), Logistics, Today)));
        Assert.Equal((ErrorCodes.Conflict, "offerId"), ErrorOf(DeclineOfferDecision.Decide(offer, new DeclineOffer(offer.Id, "再拒"), Logistics)));
    }

    [Fact]
    public void Given_a_lot_on_the_shelf_with_another_expiry_when_accepting_then_the_receipt_rule_refuses_it()
    {
        var offer = Offered("W-SOON");

        Assert.Equal((ErrorCodes.Validation, "expiresOn"),
            ErrorOf(AcceptOfferDecision.Decide(offer, SharedDepot, WaterItem, WaterAt(SharedDepot), new AcceptOffer(offer.Id, SharedDepot.Id), Logistics, Today)));
    }

    [Fact]
    public void Given_no_reason_when_declining_then_it_is_a_validation_error()
    {
        var offer = Offered();

        Assert.Equal((ErrorCodes.Validation, "reason"), ErrorOf(DeclineOfferDecision.Decide(offer, new DeclineOffer(offer.Id, "  "), Logistics)));
    }
}
