using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Agencies;

public sealed class RegisterAgencyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task An_admin_registers_an_agency_and_gets_it_back()
    {
        var response = await App.PostAsync(AgencyCalls.Register, new
        {
            input = new { name = "霍州市消防救援大队", kind = "FIRE_RESCUE", contact = "0357-119", headquarters = new { lat = 36.5683, lon = 111.7231 } },
        }, App.Token("admin"));

        var agency = response.Data!["registerAgency"]!["agency"]!;
        Assert.Empty(AgencyCalls.Errors(response));
        Assert.Equal("霍州市消防救援大队", agency["name"]!.GetValue<string>());
        Assert.Equal("FIRE_RESCUE", agency["kind"]!.GetValue<string>());
        Assert.Equal(36.5683, agency["headquarters"]!["lat"]!.GetValue<double>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$", agency["registeredAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_history_records_who_registered_it()
    {
        var agencyOfAdmin = Guid.NewGuid();
        var token = App.Token("admin", agencyOfAdmin, subject: "zhang.wei");
        var registered = await App.PostAsync(AgencyCalls.Register,
            new { input = new { name = "霍州市人民医院", kind = "MEDICAL" } }, token);
        var id = registered.Data!["registerAgency"]!["agency"]!["id"]!.GetValue<string>();

        var trail = await App.PostAsync(
            "query($of: ID!) { auditTrail(of: $of) { totalCount edges { node { eventType actor { subject role } } } } }",
            new { of = id }, App.Token("commander"));

        var entry = trail.Data!["auditTrail"]!["edges"]![0]!["node"]!;
        Assert.Equal(1, trail.Data!["auditTrail"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("agency_registered", entry["eventType"]!.GetValue<string>());
        Assert.Equal("zhang.wei", entry["actor"]!["subject"]!.GetValue<string>());
        Assert.Equal("admin", entry["actor"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_name_is_a_VALIDATION_error_in_the_payload()
    {
        var response = await App.PostAsync(AgencyCalls.Register,
            new { input = new { name = "   ", kind = "OTHER" } }, App.Token("admin"));

        var error = AgencyCalls.Errors(response).Single()!;
        Assert.Equal("VALIDATION", error["code"]!.GetValue<string>());
        Assert.Equal("name", error["field"]!.GetValue<string>());
        Assert.Null(response.Data!["registerAgency"]!["agency"]);
    }

    [Fact]
    public async Task A_second_agency_with_the_same_name_is_a_CONFLICT()
    {
        await AgencyCalls.RegisterAsync(App, "霍州煤电集团矿山救护大队", "MINE_RESCUE");

        var again = await App.PostAsync(AgencyCalls.Register,
            new { input = new { name = "霍州煤电集团矿山救护大队", kind = "MINE_RESCUE" } }, App.Token("admin"));

        Assert.Equal("CONFLICT", AgencyCalls.Errors(again).Single()!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(123.0, 111.7)]
    [InlineData(-90.5, 111.7)]
    [InlineData(36.5, 200.0)]
    [InlineData(36.5, -180.01)]
    [InlineData(1e308 * 10, 111.7)]
    public async Task An_impossible_headquarters_is_refused_and_nothing_is_registered(double lat, double lon)
    {
        var name = $"Nowhere {lat} {lon}";
        var response = await App.PostAsync(
            $"mutation {{ registerAgency(input: {{ name: \"{name}\", kind: OTHER, headquarters: {{ lat: {Literal(lat)}, lon: {Literal(lon)} }} }}) {{ errors {{ code }} }} }}",
            token: App.Token("admin"));
        var list = await App.PostAsync("{ agencies(first: 100) { edges { node { name } } } }", token: App.Token("admin"));

        Assert.Contains("VALIDATION", response.ErrorCodes);
        Assert.Null(response.Data);
        Assert.DoesNotContain(name, list.Text, StringComparison.Ordinal);
    }

    private static string Literal(double value) =>
        double.IsInfinity(value) ? "1e999" : value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
