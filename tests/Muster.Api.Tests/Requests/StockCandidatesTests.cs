using Microsoft.Extensions.DependencyInjection;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Tests.Support;
using Muster.Requests.Allocating;
using Muster.Spatial;
using Npgsql;

namespace Muster.Api.Tests.Requests;

/// <summary>
/// What an allocation reads before it locks: the nearest lines that hold what the batch needs, one line beyond them (a
/// further candidate, so that lines found holding less once locked send it to read again instead of falling short);
/// a proposal's alternatives beyond; every line within the 50 nearest depots when nothing says how much is needed.
/// </summary>
public sealed class StockCandidatesTests(RequestingAgencies given) : IClassFixture<RequestingAgencies>
{
    private const double Lat = 36.6200;
    private const double Lon = 111.7600;

    [Theory]
    [InlineData(15, 1, 3)] // 1 and 2 km hold 20 ≥ 15; 3 km beyond them
    [InlineData(10, 1, 2)] // 1 km holds exactly 10; 2 km beyond it
    [InlineData(45, 1, 5)] // all five hold 50; none beyond
    [InlineData(80, 1, 5)] // more than there is: every line, and what is left is a shortfall
    [InlineData(15, 2, 4)] // a proposal's alternatives: 3 and 4 km beyond
    public async Task A_scan_for_a_need_stops_past_the_nearest_lines_that_hold_it(int needed, int beyond, int lines)
    {
        var (item, depots) = await FiveDepotsAsync($"沙袋{needed}-{beyond}");

        var found = await Candidates().NearestAsync([new CandidateQuery([item], new GeoPoint(Lat, Lon), null)], CancellationToken.None,
            new Dictionary<string, int> { [item] = needed }, beyond);

        Assert.Equal(depots.Take(lines), found[0].Select(c => GlobalId.Encode("Depot", c.DepotId)));
        Assert.All(found[0], c => Assert.Equal(10, c.Available));
    }

    [Fact]
    public async Task Without_a_need_a_scan_reads_every_line_nearest_first_with_its_distance_on_the_spheroid()
    {
        var (item, depots) = await FiveDepotsAsync("编织袋");

        var found = (await Candidates().NearestAsync([item], new GeoPoint(Lat, Lon), null, CancellationToken.None)).ToList();

        Assert.Equal(depots, found.Select(c => GlobalId.Encode("Depot", c.DepotId)));
        // 1/111.2 of a degree apart along the meridian: 997.9 m on the spheroid at this latitude (a sphere would say 1,000.0).
        Assert.All(found.Select((c, i) => c.DistanceMeters - (997.9 * (i + 1))), d => Assert.InRange(d, -3, 3));
    }

    private StockCandidates Candidates() => new(given.App.Services.GetRequiredService<NpgsqlDataSource>());

    /// <summary>A fresh item, 10 in each of five shared depots 1 to 5 km north of the point (nearest first).</summary>
    private async Task<(string Item, IReadOnlyList<string> Depots)> FiveDepotsAsync(string name)
    {
        var item = await RequestCalls.NewItemAsync(given.App, name);
        var depots = new List<string>();
        for (var km = 1; km <= 5; km++)
        {
            var depot = await DepotCalls.RegisterAsync(given.App, given.Bureau, $"{name}库 {km} km", Lat + (km / 111.2), Lon, shared: true);
            await StockCalls.StockAsync(given.App, depot, item, 10, $"LOT-{km}");
            depots.Add(depot);
        }

        return (item, depots);
    }
}
