using System.Net;
using System.Net.Http.Headers;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Console;

/// <summary>The map's unit tiles: PostGIS-made vector tiles behind the same token and visibility as GraphQL.</summary>
public sealed class UnitTilesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_tile_holds_the_units_in_it_and_a_partner_sees_only_its_own_agencys()
    {
        var own = await AgencyCalls.RegisterAsync(App, "瓦片测试救援队", "MINE_RESCUE");
        var other = await AgencyCalls.RegisterAsync(App, "瓦片测试消防队", "FIRE_RESCUE");
        var ownUnit = await UnitCalls.RegisterAsync(App, own, "瓦片一中队", 36.56, 111.72, "MINE_RESCUE_TEAM", ["mine-rescue"]);
        var otherUnit = await UnitCalls.RegisterAsync(App, other, "瓦片水罐车", 36.561, 111.721);

        var commander = await FeaturesAsync(App.Token("commander"), 12, 111.72, 36.56);
        var partner = await FeaturesAsync(App.Token("partner", own), 12, 111.72, 36.56);
        var elsewhere = await FeaturesAsync(App.Token("commander"), 12, 100.0, 30.0);

        Assert.Contains((ownUnit, "MINE_RESCUE_TEAM", "AVAILABLE"), commander);
        Assert.Contains((otherUnit, "FIRE_ENGINE", "AVAILABLE"), commander);
        Assert.Equal([ownUnit], partner.Select(f => f.Id));
        Assert.DoesNotContain(elsewhere, f => f.Id == ownUnit || f.Id == otherUnit);
    }

    [Fact]
    public async Task A_tile_without_a_token_is_refused_and_a_tile_off_the_grid_is_a_bad_request()
    {
        using var client = App.CreateClient();
        var anonymous = await client.GetAsync("/tiles/units/12/3319/1627.mvt");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/units/3/9/0.mvt");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", App.Token("commander"));
        var offGrid = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, offGrid.StatusCode);
    }

    /// <summary>Fetches the tile holding a point and decodes its features.</summary>
    private async Task<List<(string Id, string Kind, string Status)>> FeaturesAsync(string token, int z, double lon, double lat)
    {
        var n = 1 << z;
        var x = (int)((lon + 180) / 360 * n);
        var y = (int)((1 - Math.Log(Math.Tan(lat * Math.PI / 180) + 1 / Math.Cos(lat * Math.PI / 180)) / Math.PI) / 2 * n);
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/tiles/units/{z}/{x}/{y}.mvt");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        return MapboxTile.Features(await response.Content.ReadAsByteArrayAsync());
    }
}
