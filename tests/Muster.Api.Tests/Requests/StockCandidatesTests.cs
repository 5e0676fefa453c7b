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
        var (item, depots) = await DepotsAsync($"沙袋{needed}-{beyond}", 5);

        var found = await Candidates().NearestAsync([new CandidateQuery([item], new GeoPoint(Lat, Lon), null)], CancellationToken.None,
            new Dictionary<string, int> { [item] = needed }, beyond);

        Assert.Equal(depots.Take(lines), found[0].Select(c => GlobalId.Encode("Depot", c.DepotId)));
        Assert.All(found[0], c => Assert.Equal(10, c.Available));
    }

    [Fact]
    public async Task An_item_many_depots_hold_is_found_by_walking_the_depots_nearest_first_with_the_same_answers()
    {
        var (item, depots) = await DepotsAsync("麻袋", 5);
        await StockAsync(item, "麻袋远", StockCandidates.SparseLines, 20, 0.1);
        var point = new GeoPoint(Lat, Lon);

        var needed = await Candidates().NearestAsync([new CandidateQuery([item], point, null)], CancellationToken.None,
            new Dictionary<string, int> { [item] = 15 }, 1);
        var nearest = (await Candidates().NearestAsync([item], point, null, CancellationToken.None)).ToList();

        Assert.Equal(depots.Take(3), needed[0].Select(c => GlobalId.Encode("Depot", c.DepotId)));
        Assert.Equal(StockCandidates.DepotsPerItem, nearest.Count);
        Assert.Equal(depots, nearest.Take(5).Select(c => GlobalId.Encode("Depot", c.DepotId)));
        Assert.Equal(nearest.Select(c => c.DistanceMeters).Order(), nearest.Select(c => c.DistanceMeters));
        // The fiftieth is the 45th far depot: 20 km + 44 × 100 m.
        Assert.InRange(nearest[^1].DistanceMeters, 20_000 + (44 * 100) - 100, 20_000 + (44 * 100) + 100);
    }

    [Fact]
    public async Task Without_a_need_a_scan_reads_every_line_nearest_first_with_its_distance_on_the_spheroid()
    {
        var (item, depots) = await DepotsAsync("编织袋", 5);

        var found = (await Candidates().NearestAsync([item], new GeoPoint(Lat, Lon), null, CancellationToken.None)).ToList();

        Assert.Equal(depots, found.Select(c => GlobalId.Encode("Depot", c.DepotId)));
        // 1/111.2 of a degree apart along the meridian: 997.9 m on the spheroid at this latitude (a sphere would say 1,000.0).
        Assert.All(found.Select((c, i) => c.DistanceMeters - (997.9 * (i + 1))), d => Assert.InRange(d, -3, 3));
    }

    private StockCandidates Candidates() => new(given.App.Services.GetRequiredService<NpgsqlDataSource>());

    /// <summary>A fresh item, 10 in each of <paramref name="count"/> shared depots 1, 2, … km north of the point (nearest first).</summary>
    private async Task<(string Item, IReadOnlyList<string> Depots)> DepotsAsync(string name, int count)
    {
        var item = await RequestCalls.NewItemAsync(given.App, name);
        return (item, await StockAsync(item, name, count, 1, 1));
    }

    /// <summary>10 of <paramref name="item"/> in each of <paramref name="count"/> new shared depots north of the point, <paramref name="firstKm"/> on, <paramref name="stepKm"/> apart.</summary>
    private async Task<IReadOnlyList<string>> StockAsync(string item, string name, int count, double firstKm, double stepKm)
    {
        var depots = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var km = firstKm + (i * stepKm);
            var depot = await DepotCalls.RegisterAsync(given.App, given.Bureau, $"{name}库 {km:0.0} km", Lat + (km / 111.2), Lon, shared: true);
            await StockCalls.StockAsync(given.App, depot, item, 10, $"LOT-{i}");
            depots.Add(depot);
        }

        return depots;
    }
}
