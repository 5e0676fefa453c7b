using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Jurisdictions;

/// <summary>The supervision network over GraphQL: registering, finding where a point belongs, who may keep what, and an incident's persons to call.</summary>
public sealed class JurisdictionApiTests(JurisdictionApiTests.Huozhou fixture) : IClassFixture<JurisdictionApiTests.Huozhou>
{
    /// <summary>The county, 白龙镇 kept by its government (by seat), 辛置镇 (by seat), and 示例街道 drawn as a square north-west of the city.</summary>
    public sealed class Huozhou : AppFixture
    {
        public string County { get; private set; } = "";
        public string Bailong { get; private set; } = "";
        public string Xinzhi { get; private set; } = "";
        public string Drawn { get; private set; } = "";
        public string BailongGovernment { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            BailongGovernment = await AgencyCalls.RegisterAsync(App, "白龙镇人民政府", "TOWNSHIP");
            County = await JurisdictionCalls.RegisterAsync(App, new { name = "霍州市", level = "COUNTY", boundary = JurisdictionCalls.CountyBoundary });
            Bailong = await JurisdictionCalls.RegisterAsync(App, new
            {
                name = "白龙镇", level = "TOWNSHIP", parentId = County, seat = new { lat = 36.529, lon = 111.706 }, agencyId = BailongGovernment,
                responsiblePersons = new[] { new { role = "党委书记", name = "王某某", phone = "0357-0000101" }, new { role = "镇长", name = "李某某", phone = "0357-0000102" } },
            });
            Xinzhi = await JurisdictionCalls.RegisterAsync(App, new { name = "辛置镇", level = "TOWNSHIP", parentId = County, seat = new { lat = 36.493, lon = 111.72 } });
            Drawn = await JurisdictionCalls.RegisterAsync(App, new { name = "示例街道", level = "TOWNSHIP", parentId = County, boundary = JurisdictionCalls.Square(36.66, 111.62) });
        }
    }

    private MusterApp App => fixture.App;

    private async Task<int> CountAsync()
    {
        var response = await App.PostAsync("{ jurisdictions(first: 100) { totalCount } }", token: App.Token("admin"));
        return response.Data!["jurisdictions"]!["totalCount"]!.GetValue<int>();
    }

    [Fact]
    public async Task A_point_in_a_township_known_by_its_seat_names_it_approximate_with_its_county_and_persons_to_call()
    {
        var at = await JurisdictionCalls.AtAsync(App, 36.52, 111.69);

        Assert.Equal("白龙镇", at!["name"]!.GetValue<string>());
        Assert.Equal("TOWNSHIP", at["level"]!.GetValue<string>());
        Assert.Equal("霍州市", at["parent"]!["name"]!.GetValue<string>());
        Assert.Equal("白龙镇人民政府", at["agency"]!["name"]!.GetValue<string>());
        Assert.True(at["approximate"]!.GetValue<bool>());
        Assert.Contains("Polygon", at["area"]!.GetValue<string>());
        Assert.Equal(["党委书记 王某某 0357-0000101", "镇长 李某某 0357-0000102"],
            at["responsiblePersons"]!.AsArray().Select(p => $"{p!["role"]} {p["name"]} {p["phone"]}"));
    }

    [Fact]
    public async Task A_point_in_a_drawn_township_names_it_exact_and_a_point_outside_the_county_names_nothing()
    {
        var drawn = await JurisdictionCalls.AtAsync(App, 36.661, 111.621);

        Assert.Equal("示例街道", drawn!["name"]!.GetValue<string>());
        Assert.False(drawn["approximate"]!.GetValue<bool>());
        Assert.Null(await JurisdictionCalls.AtAsync(App, 36.2, 111.5));
    }

    [Fact]
    public async Task Jurisdictions_lists_by_level_and_by_parent()
    {
        var townships = await App.PostAsync("query($p: ID) { jurisdictions(level: TOWNSHIP, parentId: $p) { items { name } } }", new { p = fixture.County }, App.Token("logistics"));
        var counties = await App.PostAsync("{ jurisdictions(level: COUNTY) { items { name } } }", token: App.Token("commander"));

        Assert.Superset(new HashSet<string> { "白龙镇", "辛置镇", "示例街道" },
            townships.Data!["jurisdictions"]!["items"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToHashSet());
        Assert.Equal(["霍州市"], counties.Data!["jurisdictions"]!["items"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
    }

    public static TheoryData<string, string, string> BadInput() => new()
    {
        { "overlapping a drawn sibling", """{"name":"重叠街道","level":"TOWNSHIP","parentId":"$county","boundary":"$overlap"}""", "boundary" },
        { "self-intersecting", """{"name":"交叉","level":"TOWNSHIP","parentId":"$county","boundary":"{\"type\":\"Polygon\",\"coordinates\":[[[111.60,36.62],[111.61,36.63],[111.61,36.62],[111.60,36.63],[111.60,36.62]]]}"}""", "boundary" },
        { "not closed", """{"name":"未闭合","level":"TOWNSHIP","parentId":"$county","boundary":"{\"type\":\"Polygon\",\"coordinates\":[[[111.60,36.62],[111.61,36.62],[111.61,36.63],[111.60,36.63]]]}"}""", "boundary" },
        { "not a polygon", """{"name":"一个点","level":"TOWNSHIP","parentId":"$county","boundary":"{\"type\":\"Point\",\"coordinates\":[111.60,36.62]}"}""", "boundary" },
        { "a seat outside the county", """{"name":"境外","level":"TOWNSHIP","parentId":"$county","seat":{"lat":36.2,"lon":111.5}}""", "seat" },
        { "a child outside its parent", """{"name":"飞地村","level":"VILLAGE","parentId":"$drawn","boundary":"$far"}""", "boundary" },
        { "an unknown parent", """{"name":"无主","level":"TOWNSHIP","parentId":"$unknown","seat":{"lat":36.6,"lon":111.7}}""", "parentId" },
        { "a village under a county", """{"name":"越级村","level":"VILLAGE","parentId":"$county","seat":{"lat":36.6,"lon":111.7}}""", "parentId" },
        { "a township without a parent", """{"name":"无上级","level":"TOWNSHIP","seat":{"lat":36.6,"lon":111.7}}""", "parentId" },
        { "a name taken under the parent", """{"name":"白龙镇","level":"TOWNSHIP","parentId":"$county","seat":{"lat":36.6,"lon":111.7}}""", "name" },
        { "a person without a phone", """{"name":"新镇","level":"TOWNSHIP","parentId":"$county","seat":{"lat":36.6,"lon":111.7},"responsiblePersons":[{"role":"镇长","name":"某某","phone":"请拨打"}]}""", "responsiblePersons[0].phone" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_on_its_field_and_writes_nothing(string what, string input, string field)
    {
        var json = input.Replace("$county", fixture.County).Replace("$drawn", fixture.Drawn)
            .Replace("$unknown", Ids.Unknown("Jurisdiction"))
            .Replace("$overlap", JurisdictionCalls.Square(36.665, 111.625).Replace("\"", "\\\""))
            .Replace("$far", JurisdictionCalls.Square(36.50, 111.85, 0.005).Replace("\"", "\\\""));
        var (events, count) = (await App.EventCountAsync(), await CountAsync());

        var payload = await JurisdictionCalls.RegisterPayloadAsync(App, JsonNode.Parse(json)!);

        var error = payload["errors"]!.AsArray().Single()!;
        Assert.True(field == error["field"]!.GetValue<string>(), $"{what}: {error}");
        Assert.Null(payload["jurisdiction"]);
        Assert.Equal((events, count), (await App.EventCountAsync(), await CountAsync()));
    }

    [Theory]
    [InlineData("logistics")]
    [InlineData("partner")]
    public async Task Only_admin_and_commanders_register(string role)
    {
        var events = await App.EventCountAsync();

        var response = await App.PostAsync(JurisdictionCalls.Register,
            new { input = new { name = "新乡", level = "TOWNSHIP", parentId = fixture.County, seat = new { lat = 36.6, lon = 111.7 } } },
            App.Token(role, fixture.BailongGovernment));

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Equal(events, await App.EventCountAsync());
    }

    private const string SetPersons = "mutation($input: SetResponsiblePersonsInput!) { setResponsiblePersons(input: $input) { jurisdiction { name responsiblePersons { role name phone } } errors { code field } } }";

    [Fact]
    public async Task A_township_government_keeps_its_own_persons_and_sees_only_its_own_jurisdictions()
    {
        var township = App.Token("partner", fixture.BailongGovernment);
        var persons = new[] { new { role = "安全分管领导", name = "赵某某", phone = "0357-0000103" } };

        var own = await App.PostAsync(SetPersons, new { input = new { jurisdictionId = fixture.Bailong, responsiblePersons = persons } }, township);
        var events = await App.EventCountAsync();
        var other = await App.PostAsync(SetPersons, new { input = new { jurisdictionId = fixture.Xinzhi, responsiblePersons = persons } }, township);
        var seen = await App.PostAsync("{ jurisdictions { items { name parent { name } } } }", token: township);

        Assert.Empty(own.Data!["setResponsiblePersons"]!["errors"]!.AsArray());
        Assert.Equal("赵某某", own.Data!["setResponsiblePersons"]!["jurisdiction"]!["responsiblePersons"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", other.Data!["setResponsiblePersons"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(events, await App.EventCountAsync());
        var only = seen.Data!["jurisdictions"]!["items"]!.AsArray().Single()!;
        Assert.Equal(("白龙镇", null), (only["name"]!.GetValue<string>(), only["parent"]));
        Assert.Null(await JurisdictionCalls.AtAsync(App, 36.49, 111.72, township));
    }

    [Fact]
    public async Task Logistics_reads_but_does_not_keep_persons()
    {
        var response = await App.PostAsync(SetPersons,
            new { input = new { jurisdictionId = fixture.Xinzhi, responsiblePersons = Array.Empty<object>() } }, App.Token("logistics"));

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
    }

    [Fact]
    public async Task An_enterprise_enters_the_handbook_with_its_persons_and_they_can_be_replaced()
    {
        var registered = await App.PostAsync(
            "mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { jurisdiction { enterprises { id name responsiblePersons { role name } } } errors { code field } } }",
            new { input = new { jurisdictionId = fixture.Xinzhi, name = "辛置煤矿", location = new { lat = 36.489, lon = 111.725 }, responsiblePersons = new[] { new { role = "矿长", name = "孙某某", phone = "0357-0000201" } } } },
            App.Token("commander"));
        var enterprise = registered.Data!["registerEnterprise"]!["jurisdiction"]!["enterprises"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "辛置煤矿")!;

        var replaced = await App.PostAsync(
            "mutation($input: SetEnterprisePersonsInput!) { setEnterprisePersons(input: $input) { jurisdiction { enterprises { name responsiblePersons { role name } } } errors { code field } } }",
            new { input = new { enterpriseId = enterprise["id"]!.GetValue<string>(), responsiblePersons = new[] { new { role = "安全副矿长", name = "周某某", phone = "0357-0000202" } } } },
            App.Token("admin"));

        Assert.Equal("矿长", enterprise["responsiblePersons"]![0]!["role"]!.GetValue<string>());
        var mine = replaced.Data!["setEnterprisePersons"]!["jurisdiction"]!["enterprises"]!.AsArray().Single()!;
        Assert.Equal("辛置煤矿", mine["name"]!.GetValue<string>());
        Assert.Equal(["安全副矿长 周某某"], mine["responsiblePersons"]!.AsArray().Select(p => $"{p!["role"]} {p["name"]}"));
    }

    [Fact]
    public async Task An_incident_shows_its_jurisdiction_and_the_persons_to_call()
    {
        var incident = await DispatchCalls.ReportAsync(App, "MINE_GAS_EXPLOSION", "III", 36.515, 111.69);

        var response = await App.PostAsync("query($id: ID!) { node(id: $id) { ... on Incident { jurisdiction { name parent { name } responsiblePersons { role phone } } } } }",
            new { id = incident }, App.Token("commander"));

        var jurisdiction = response.Data!["node"]!["jurisdiction"]!;
        Assert.Equal("白龙镇", jurisdiction["name"]!.GetValue<string>());
        Assert.Equal("霍州市", jurisdiction["parent"]!["name"]!.GetValue<string>());
        Assert.Contains(jurisdiction["responsiblePersons"]!.AsArray(), p => p!["phone"]!.GetValue<string>() == "0357-0000101");
    }

    [Fact]
    public async Task Moving_a_seat_moves_the_approximate_border_with_it()
    {
        var township = await JurisdictionCalls.RegisterAsync(App, new { name = "师庄乡", level = "TOWNSHIP", parentId = fixture.County, seat = new { lat = 36.64, lon = 111.72 } });
        var before = await JurisdictionCalls.AtAsync(App, 36.57, 111.72);

        var moved = await App.PostAsync("mutation($input: MoveJurisdictionSeatInput!) { moveJurisdictionSeat(input: $input) { errors { code field } } }",
            new { input = new { jurisdictionId = township, seat = new { lat = 36.58, lon = 111.72 } } }, App.Token("commander"));

        Assert.Empty(moved.Data!["moveJurisdictionSeat"]!["errors"]!.AsArray());
        Assert.NotEqual("师庄乡", before!["name"]!.GetValue<string>());
        Assert.Equal("师庄乡", (await JurisdictionCalls.AtAsync(App, 36.57, 111.72))!["name"]!.GetValue<string>());
    }
}
