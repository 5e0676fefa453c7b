using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Requests;

public sealed class RequestSuppliesTests(RequestingAgencies given) : IClassFixture<RequestingAgencies>
{
    private MusterApp App => given.App;

    [Fact]
    public async Task A_partner_requests_for_its_own_agency_and_the_request_waits_for_approval()
    {
        var tent = await RequestCalls.NewItemAsync(App, "单帐篷");
        var quilt = await RequestCalls.NewItemAsync(App, "棉被");
        var incident = await DispatchCalls.ReportAsync(App, "FLOOD", "III", 36.55, 111.70, "师庄乡洪涝");
        var neededBy = DateTimeOffset.UtcNow.AddHours(6).ToOffset(TimeSpan.FromHours(8));

        var payload = await RequestCalls.RequestAsync(App, given.RedCrossPartner, [RequestCalls.Line(tent, 20), RequestCalls.Line(quilt, 40)],
            36.55, 111.70, incidentId: incident, priority: "URGENT", neededBy: neededBy.ToString("O"), note: "师庄乡安置点");

        Assert.Empty(payload["errors"]!.AsArray());
        var request = payload["request"]!;
        Assert.Equal(("REQUESTED", "URGENT", given.RedCross), (RequestCalls.Status(request), request["priority"]!.GetValue<string>(), request["agency"]!["id"]!.GetValue<string>()));
        Assert.Equal([(tent, 20), (quilt, 40)], request["lines"]!.AsArray().Select(l => (l!["itemCode"]!.GetValue<string>(), l["quantity"]!.GetValue<int>())));
        Assert.Equal("单帐篷 " + tent, request["lines"]![0]!["item"]!["name"]!.GetValue<string>());
        Assert.Equal(incident, request["incidentId"]!.GetValue<string>());
        Assert.Equal(neededBy, DateTimeOffset.Parse(request["neededBy"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("师庄乡安置点", request["note"]!.GetValue<string>());
        Assert.Empty(request["allocations"]!.AsArray());
    }

    [Theory]
    [InlineData(0, null, "VALIDATION", "lines[0].quantity")]
    [InlineData(-3, null, "VALIDATION", "lines[0].quantity")]
    [InlineData(1_000_001, null, "VALIDATION", "lines[0].quantity")]
    [InlineData(5, "12345", "VALIDATION", "lines[0].itemCode")]
    [InlineData(5, "4010101", "VALIDATION", "lines[0].itemCode")]
    [InlineData(5, "2990101", "NOT_FOUND", "lines[0].itemCode")]
    public async Task Bad_lines_are_refused_with_their_code_and_record_nothing(int quantity, string? itemCode, string code, string field)
    {
        var known = await RequestCalls.NewItemAsync(App);
        var before = await CountAsync(given.RedCrossPartner);

        var payload = await RequestCalls.RequestAsync(App, given.RedCrossPartner, [RequestCalls.Line(itemCode ?? known, quantity)]);

        Assert.Equal((code, field), RequestCalls.Error(payload));
        Assert.Null(payload["request"]);
        Assert.Equal(before, await CountAsync(given.RedCrossPartner));
    }

    [Fact]
    public async Task No_lines_an_item_twice_a_malformed_incident_or_a_past_deadline_are_validation_errors()
    {
        var item = await RequestCalls.NewItemAsync(App);
        var before = await CountAsync(given.RedCrossPartner);

        var none = await RequestCalls.RequestAsync(App, given.RedCrossPartner, []);
        var twice = await RequestCalls.RequestAsync(App, given.RedCrossPartner, [RequestCalls.Line(item, 1), RequestCalls.Line(item, 2)]);
        var incident = await RequestCalls.RequestAsync(App, given.RedCrossPartner, [RequestCalls.Line(item, 1)], incidentId: "not-an-id");
        var late = await RequestCalls.RequestAsync(App, given.RedCrossPartner, [RequestCalls.Line(item, 1)], neededBy: DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));

        Assert.Equal(("VALIDATION", "lines"), RequestCalls.Error(none));
        Assert.Equal(("VALIDATION", "lines[1].itemCode"), RequestCalls.Error(twice));
        Assert.Equal(("VALIDATION", "incidentId"), RequestCalls.Error(incident));
        var unknown = await RequestCalls.RequestAsync(App, given.RedCrossPartner, [RequestCalls.Line(item, 1)], incidentId: Ids.Unknown("Incident"));
        Assert.Equal(("NOT_FOUND", "incidentId"), RequestCalls.Error(unknown));
        Assert.Equal(("VALIDATION", "neededBy"), RequestCalls.Error(late));
        Assert.Equal(before, await CountAsync(given.RedCrossPartner));
    }

    [Fact]
    public async Task A_partner_cannot_request_for_another_agency()
    {
        var item = await RequestCalls.NewItemAsync(App);
        var before = await CountAsync(given.Logistics);

        var response = await App.PostAsync(RequestCalls.Request,
            new { input = new { lines = new[] { RequestCalls.Line(item, 1) }, deliverTo = new { lat = 36.5, lon = 111.7 }, agencyId = given.Bureau } },
            given.RedCrossPartner);

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Equal(before, await CountAsync(given.Logistics));
    }

    [Fact]
    public async Task Logistics_staff_may_request_for_a_named_agency_or_for_the_city()
    {
        var item = await RequestCalls.NewItemAsync(App);

        var forMineRescue = await RequestCalls.RequestedAsync(App, given.Logistics, [RequestCalls.Line(item, 3)], agencyId: given.MineRescue);
        var forTheCity = await RequestCalls.RequestedAsync(App, App.Token("commander"), [RequestCalls.Line(item, 3)]);
        var unknownAgency = await RequestCalls.RequestAsync(App, given.Logistics, [RequestCalls.Line(item, 3)], agencyId: Ids.Unknown("Agency"));

        Assert.Equal(given.MineRescue, forMineRescue["agency"]!["id"]!.GetValue<string>());
        Assert.Null(forTheCity["agency"]);
        Assert.Equal(("NOT_FOUND", "agencyId"), RequestCalls.Error(unknownAgency));
    }

    private async Task<int> CountAsync(string token)
    {
        var response = await App.PostAsync(RequestCalls.List, new { first = 1 }, token);
        return response.Data?["supplyRequests"]?["totalCount"]?.GetValue<int>() ?? throw new InvalidOperationException(response.Text);
    }
}
