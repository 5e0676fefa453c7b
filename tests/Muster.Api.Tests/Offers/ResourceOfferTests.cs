using Muster.Api.Tests.Support;
using static Muster.Api.Tests.Support.EdxlMessages;

namespace Muster.Api.Tests.Offers;

/// <summary>
/// An agency offers stock through EDXL-RM OfferUnsolicitedResource; logistics accepts it into a depot (the stock is
/// received there in the same transaction) or declines it.
/// </summary>
public sealed class ResourceOfferTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task An_offer_made_over_EDXL_is_listed_and_once_accepted_its_stock_is_in_the_depot_and_the_ledger()
    {
        var (donor, depot, item) = await SceneAsync("霍州市红十字会 捐赠");

        var offerId = await OfferCalls.OfferedAsync(App, OfferUnsolicitedResource("offer-1", item, 120), App.Token("partner", donor));
        var listed = (await OfferCalls.ListAsync(App, App.Token("logistics"), "OFFERED")).Single(o => o["id"]!.GetValue<string>() == offerId);
        var accepted = await OfferCalls.AcceptAsync(App, offerId, depot, App.Token("logistics"));

        Assert.Equal(
            ("OFFERED", donor, 120, "DON-1", "2030-06-30", "捐赠 雨衣: 企业捐赠，整箱未拆", 36.57, "红十字会 仓库 东门", "offer-1"),
            (listed["status"]!.GetValue<string>(), listed["agency"]!["id"]!.GetValue<string>(), listed["quantity"]!.GetValue<int>(),
                listed["lot"]!.GetValue<string>(), listed["expiresOn"]!.GetValue<string>(), listed["description"]!.GetValue<string>(),
                listed["location"]!["lat"]!.GetValue<double>(), listed["locationDescription"]!.GetValue<string>(), listed["messageId"]!.GetValue<string>()));
        Assert.Empty(accepted["errors"]!.AsArray());
        Assert.Equal(("ACCEPTED", depot), (accepted["offer"]!["status"]!.GetValue<string>(), accepted["offer"]!["depot"]!["id"]!.GetValue<string>()));
        var level = (await StockCalls.LevelsAsync(App, item, depot)).Single()!;
        Assert.Equal(120, level["onHand"]!.GetValue<int>());
        Assert.Equal(("DON-1", "2030-06-30", 120), (level["lots"]![0]!["lot"]!.GetValue<string>(), level["lots"]![0]!["expiresOn"]!.GetValue<string>(), level["lots"]![0]!["quantity"]!.GetValue<int>()));
        var entry = (await StockCalls.LedgerAsync(App, depot, item))!.Single()!;
        Assert.Equal(("RECEIVED", 120, "DONATED"), (entry["kind"]!.GetValue<string>(), entry["quantity"]!.GetValue<int>(), entry["source"]!.GetValue<string>()));
        Assert.Contains("企业捐赠", entry["note"]!.GetValue<string>());
        Assert.DoesNotContain(await OfferCalls.ListAsync(App, App.Token("logistics"), "OFFERED"), o => o["id"]!.GetValue<string>() == offerId);
    }

    [Fact]
    public async Task A_declined_offer_keeps_its_reason_receives_nothing_and_cannot_be_accepted_afterwards()
    {
        var (donor, depot, item) = await SceneAsync("霍州市慈善总会 捐赠");
        var offerId = await OfferCalls.OfferedAsync(App, OfferUnsolicitedResource("offer-2", item, 30), App.Token("partner", donor));

        var declined = await OfferCalls.DeclineAsync(App, offerId, "库容不足，请直接送往乡镇", App.Token("admin"));
        var acceptedLater = await OfferCalls.AcceptAsync(App, offerId, depot, App.Token("logistics"));
        var seenByDonor = (await OfferCalls.ListAsync(App, App.Token("partner", donor))).Single();

        Assert.Empty(declined["errors"]!.AsArray());
        Assert.Equal("CONFLICT", StockCalls.ErrorCode(acceptedLater));
        Assert.Equal(("DECLINED", "库容不足，请直接送往乡镇"), (seenByDonor["status"]!.GetValue<string>(), seenByDonor["declineReason"]!.GetValue<string>()));
        Assert.Empty(await StockCalls.LevelsAsync(App, item, depot));
    }

    [Fact]
    public async Task A_partner_cannot_decide_on_offers_and_sees_only_its_own_agencys()
    {
        var (donor, depot, item) = await SceneAsync("霍州市蓝天救援队 捐赠");
        var other = await AgencyCalls.RegisterAsync(App, "霍州市人民医院 捐赠", "MEDICAL");
        var offerId = await OfferCalls.OfferedAsync(App, OfferUnsolicitedResource("offer-3", item, 10), App.Token("partner", donor));

        var byDonor = await App.PostAsync(OfferCalls.Accept, new { input = new { offerId, depotId = depot } }, App.Token("partner", donor));
        var byCommander = await App.PostAsync(OfferCalls.Decline, new { input = new { offerId, reason = "不要" } }, App.Token("commander"));
        var seenByOther = await OfferCalls.ListAsync(App, App.Token("partner", other));
        var seenByDonor = await OfferCalls.ListAsync(App, App.Token("partner", donor));

        Assert.Contains("FORBIDDEN", byDonor.Text);
        Assert.Contains("FORBIDDEN", byCommander.Text);
        Assert.Empty(seenByOther);
        Assert.Equal([offerId], seenByDonor.Select(o => o["id"]!.GetValue<string>()));
        Assert.Equal("OFFERED", seenByDonor[0]["status"]!.GetValue<string>());
        Assert.Empty(await StockCalls.LevelsAsync(App, item, depot));
    }

    [Fact]
    public async Task Two_accepts_of_one_offer_race_one_wins_the_other_is_a_CONFLICT_and_the_stock_arrives_once()
    {
        var (donor, depot, item) = await SceneAsync("霍州市青年志愿者协会 捐赠");
        var second = await DepotCalls.RegisterAsync(App, donor, "北关共用储备库 捐赠", 36.58, 111.72, shared: true);
        var offerId = await OfferCalls.OfferedAsync(App, OfferUnsolicitedResource("offer-4", item, 50), App.Token("partner", donor));

        var answers = await Task.WhenAll(
            OfferCalls.AcceptAsync(App, offerId, depot, App.Token("logistics")),
            OfferCalls.AcceptAsync(App, offerId, second, App.Token("admin")));

        var codes = answers.Select(StockCalls.ErrorCode).ToList();
        Assert.Single(codes, c => c is null);
        Assert.Single(codes, c => c == "CONFLICT");
        var onHand = (await StockCalls.LevelsAsync(App, item, null)).Sum(l => l!["onHand"]!.GetValue<int>());
        Assert.Equal(50, onHand);
    }

    [Theory]
    [InlineData("no-item", 422)]
    [InlineData("no-amount", 400)]
    [InlineData("two-resources", 400)]
    [InlineData("unknown-element", 400)]
    [InlineData("expired", 422)]
    public async Task Invalid_offers_are_refused_and_write_nothing(string fault, int status)
    {
        var (donor, _, item) = await SceneAsync("霍州市红十字会 " + fault);
        var good = OfferUnsolicitedResource("offer-bad", item, 5);
        var xml = fault switch
        {
            "no-item" => OfferUnsolicitedResource("offer-bad", "9999901", 5),
            "no-amount" => good.Replace("<Amount>5</Amount>", "<Amount>5.5</Amount>"),
            "two-resources" => good.Replace("</ResourceInformation>", "</ResourceInformation><ResourceInformation><ResourceInfoElementID>2</ResourceInfoElementID></ResourceInformation>"),
            "unknown-element" => good.Replace("<Description>", "<Colour>red</Colour><Description>"),
            _ => OfferUnsolicitedResource("offer-bad", item, 5, expiresOn: "2020-01-01T00:00:00+08:00"),
        };
        var before = await App.EventCountAsync();

        var (answered, offerId, text) = await OfferCalls.PostEdxlAsync(App, xml, App.Token("partner", donor));

        Assert.Equal(status, answered);
        Assert.Null(offerId);
        Assert.Contains("error", text);
        Assert.Equal(before, await App.EventCountAsync());
    }

    [Fact]
    public async Task Accepting_into_no_depot_or_deciding_on_no_offer_or_declining_without_a_reason_is_refused_and_changes_nothing()
    {
        var (donor, depot, item) = await SceneAsync("霍州市义工联合会 捐赠");
        var offerId = await OfferCalls.OfferedAsync(App, OfferUnsolicitedResource("offer-4", item, 8), App.Token("partner", donor));
        var before = await App.EventCountAsync();

        var noDepot = await OfferCalls.AcceptAsync(App, offerId, Ids.Unknown("Depot"), App.Token("logistics"));
        var noOffer = await OfferCalls.AcceptAsync(App, Ids.Unknown("ResourceOffer"), depot, App.Token("logistics"));
        var noReason = await OfferCalls.DeclineAsync(App, offerId, "  ", App.Token("logistics"));
        var still = (await OfferCalls.ListAsync(App, App.Token("admin"))).Single(o => o["id"]!.GetValue<string>() == offerId);

        Assert.Equal("NOT_FOUND", StockCalls.ErrorCode(noDepot));
        Assert.Equal("NOT_FOUND", StockCalls.ErrorCode(noOffer));
        Assert.Equal("VALIDATION", StockCalls.ErrorCode(noReason));
        Assert.Equal("OFFERED", still["status"]!.GetValue<string>());
        Assert.Equal(before, await App.EventCountAsync());
        Assert.Empty(await StockCalls.LevelsAsync(App, item, depot));
    }

    private async Task<(string Donor, string Depot, string Item)> SceneAsync(string donorName)
    {
        var donor = await AgencyCalls.RegisterAsync(App, donorName, "RED_CROSS");
        var bureau = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局 " + donorName, "BUREAU");
        var depot = await DepotCalls.RegisterAsync(App, bureau, "城区共用储备库 " + donorName, 36.57, 111.71, shared: true);
        return (donor, depot, await StockCalls.NewItemAsync(App, "雨衣"));
    }
}
