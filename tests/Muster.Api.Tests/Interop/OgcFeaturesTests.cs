using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Interop;

/// <summary>OGC API – Features: the documents a GIS client reads, bbox/limit/paging/datetime, and who sees what.</summary>
public sealed class OgcFeaturesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task The_landing_page_conformance_and_collections_lead_to_each_collection()
    {
        var landing = await OgcCalls.GetAsync(App, "/ogc", token: App.Token("commander"));
        var conformance = await OgcCalls.GetAsync(App, "/ogc/conformance", token: App.Token("commander"));
        var collections = await OgcCalls.GetAsync(App, "/ogc/collections", token: App.Token("commander"));
        var unknown = await OgcCalls.GetAsync(App, "/ogc/collections/boats/items", token: App.Token("commander"));

        Assert.EndsWith("/ogc/conformance", OgcCalls.Link(landing.Json, "conformance"));
        Assert.EndsWith("/ogc/collections", OgcCalls.Link(landing.Json, "data"));
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            conformance.Json!["conformsTo"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["units", "depots", "experts", "incidents", "jurisdictions", "hazard-sites"],
            collections.Json!["collections"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(404, unknown.Status);
    }

    [Fact]
    public async Task A_partners_key_sees_its_own_units_and_the_shared_pool_like_its_token()
    {
        var own = await AgencyCalls.RegisterAsync(App, "霍州煤电矿山救护大队", "ENTERPRISE");
        var other = await AgencyCalls.RegisterAsync(App, "霍州市人民医院", "MEDICAL");
        var ownUnit = await UnitCalls.RegisterAsync(App, own, "救护一中队", 36.579, 111.711, "MINE_RESCUE_TEAM", ["mine-rescue"]);
        var otherUnit = await UnitCalls.RegisterAsync(App, other, "120 急救车", 36.57, 111.72, "AMBULANCE", ["medical"]);
        var shared = await DepotCalls.RegisterAsync(App, other, "医院共用药械库", 36.56, 111.70, shared: true);
        var hidden = await DepotCalls.RegisterAsync(App, other, "医院自用库", 36.56, 111.70);
        await DepotCalls.ChangeAsync(App, UnitCalls.ChangeStatus, new { unitId = ownUnit, status = "OUT_OF_SERVICE" }, App.Token("admin"));
        var (_, secret) = await OgcCalls.IssueAsync(App, own);

        var units = await OgcCalls.GetAsync(App, "/ogc/collections/units/items", secret);
        var depots = await OgcCalls.GetAsync(App, "/ogc/collections/depots/items", secret);
        var theirs = await OgcCalls.GetAsync(App, $"/ogc/collections/units/items/{otherUnit}", secret);
        var bureau = await OgcCalls.GetAsync(App, "/ogc/collections/units/items", token: App.Token("commander"));

        Assert.Equal("application/geo+json", units.ContentType);
        Assert.Equal([ownUnit], OgcCalls.Ids(units.Json));
        var feature = units.Json!["features"]![0]!;
        Assert.Equal("OUT_OF_SERVICE", feature["properties"]!["status"]!.GetValue<string>());
        Assert.Equal("MINE_RESCUE_TEAM", feature["properties"]!["kind"]!.GetValue<string>());
        Assert.Equal([111.711, 36.579], feature["geometry"]!["coordinates"]!.AsArray().Select(c => c!.GetValue<double>()));
        Assert.Contains(shared, OgcCalls.Ids(depots.Json));
        Assert.DoesNotContain(hidden, OgcCalls.Ids(depots.Json));
        Assert.Equal(404, theirs.Status);
        Assert.Contains(otherUnit, OgcCalls.Ids(bureau.Json));
    }

    [Fact]
    public async Task Bbox_limit_and_next_links_page_through_every_feature_once()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市应急管理局 OGC", "BUREAU");
        var inside = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            inside.Add(await DepotCalls.RegisterAsync(App, agency, $"北区储备点 {i}", 40.10 + (i * 0.01), 115.10));
        }

        var outside = await DepotCalls.RegisterAsync(App, agency, "南区储备点", 30.0, 115.10);
        var token = App.Token("logistics");

        var seen = new List<string>();
        string? next = "/ogc/collections/depots/items?bbox=115,40,116,41&limit=2";
        var pages = 0;
        while (next is not null && pages++ < 10)
        {
            var page = await OgcCalls.GetAsync(App, next, token: token);
            Assert.Equal(5, page.Json!["numberMatched"]!.GetValue<int>());
            seen.AddRange(OgcCalls.Ids(page.Json));
            next = OgcCalls.Link(page.Json, "next") is { } href ? new Uri(href).PathAndQuery : null;
        }

        Assert.Equal(3, pages);
        Assert.Equal(inside.Order(), seen.Order());
        Assert.DoesNotContain(outside, seen);
    }

    [Fact]
    public async Task Datetime_selects_incidents_by_when_they_were_reported_and_bad_parameters_answer_400()
    {
        var incident = await DispatchCalls.ReportAsync(App, "FLOOD", "III", 36.55, 111.70, "汾河 水位超警");
        var token = App.Token("partner", await AgencyCalls.RegisterAsync(App, "陶唐峪乡人民政府", "TOWNSHIP"));
        var past = DateTimeOffset.UtcNow.AddDays(-2).ToString("O");

        var open = await OgcCalls.GetAsync(App, $"/ogc/collections/incidents/items?datetime={Uri.EscapeDataString(past)}/..", token: token);
        var before = await OgcCalls.GetAsync(App, $"/ogc/collections/incidents/items?datetime=../{Uri.EscapeDataString(past)}", token: token);
        var badBbox = await OgcCalls.GetAsync(App, "/ogc/collections/incidents/items?bbox=1,2,3", token: token);
        var badTime = await OgcCalls.GetAsync(App, "/ogc/collections/incidents/items?datetime=yesterday", token: token);
        var badLimit = await OgcCalls.GetAsync(App, "/ogc/collections/incidents/items?limit=0", token: token);

        Assert.Contains(incident, OgcCalls.Ids(open.Json));
        Assert.Equal("III", open.Json!["features"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == incident)!["properties"]!["level"]!.GetValue<string>());
        Assert.DoesNotContain(incident, OgcCalls.Ids(before.Json));
        Assert.Equal((400, 400, 400), (badBbox.Status, badTime.Status, badLimit.Status));
        Assert.Contains("bbox", badBbox.Json!["description"]!.GetValue<string>());
    }
}
