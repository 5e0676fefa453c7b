using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Infrastructure.Changes;

namespace Muster.Api.Tests.Units;

/// <summary>unitChanged over the WebSocket: a commander watching an area hears of the units that move or change there.</summary>
public sealed class UnitChangedTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_commander_watching_a_circle_hears_of_units_inside_it_only()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队 特勤站", "FIRE_RESCUE");
        var inside = await UnitCalls.RegisterAsync(App, agency, "特勤 1", 36.60, 111.74);
        var outside = await UnitCalls.RegisterAsync(App, agency, "特勤 2", 36.90, 112.10);
        var staying = await UnitCalls.RegisterAsync(App, agency, "特勤 3", 36.61, 111.75);
        await using var socket = await GraphQLSocket.SubscribeListeningAsync(App, App.Token("commander"), "area",
            "subscription { unitChanged(within: { center: { lat: 36.60, lon: 111.74 }, radiusMeters: 5000 }) { id status } }");

        await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = outside, status = "OUT_OF_SERVICE" } }, App.Token("commander"));
        await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = inside, status = "ASSIGNED" } }, App.Token("commander"));
        var next = await ChangedAsync(socket);
        await UnitCalls.ReportAsync(App, inside, 36.95, 112.20, DateTimeOffset.UtcNow);
        await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = staying, status = "OUT_OF_SERVICE" } }, App.Token("commander"));
        var then = await ChangedAsync(socket); // changes arrive in commit order: the move out of the circle was not heard

        Assert.Equal((inside, "ASSIGNED"), Unit(next));
        Assert.Equal((staying, "OUT_OF_SERVICE"), Unit(then));
    }

    [Fact]
    public async Task A_burst_of_position_reports_ends_with_each_units_last_position()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市矿山救护队", "MINE_RESCUE");
        var units = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            units.Add(await UnitCalls.RegisterAsync(App, agency, $"救护 {i}", 36.50, 111.70 + (i * 0.01)));
        }

        await using var socket = await GraphQLSocket.SubscribeListeningAsync(App, App.Token("commander"), "fleet",
            $$"""subscription { unitChanged(agencyId: "{{agency}}") { id location { lat } } }""");
        var start = DateTimeOffset.UtcNow;
        const int Rounds = 10;
        for (var round = 1; round <= Rounds; round++)
        {
            var at = start.AddSeconds(round);
            await Task.WhenAll(units.Select((unit, i) => UnitCalls.ReportAsync(App, unit, 36.50 + (round * 0.001), 111.70 + (i * 0.01), at)));
        }

        // However far behind the subscriber fell, what it was told last of each unit is where the unit is now.
        var last = new Dictionary<string, double>();
        var final = 36.50 + (Rounds * 0.001);
        var messages = 0;
        while (units.Any(u => !last.TryGetValue(u, out var lat) || Math.Abs(lat - final) > 1e-9))
        {
            var unit = (await socket.ReceiveAsync())["payload"]!["data"]!["unitChanged"]!;
            var lat = unit["location"]!["lat"]!.GetValue<double>();
            last[unit["id"]!.GetValue<string>()] = lat;
            // A registration committed just before the subscription may still be heard: only the reports count.
            messages += lat > 36.50 + 1e-9 ? 1 : 0;
        }

        Assert.InRange(messages, units.Count, units.Count * Rounds);
    }

    /// <summary>The next change that is not a registration (AVAILABLE) committed just before the subscription and heard after it.</summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> ChangedAsync(GraphQLSocket socket)
    {
        while (true)
        {
            var message = await socket.ReceiveAsync();
            if (Unit(message).Item2 != "AVAILABLE")
            {
                return message;
            }
        }
    }

    private static (string, string) Unit(System.Text.Json.Nodes.JsonNode message)
    {
        var unit = message["payload"]!["data"]!["unitChanged"]!;
        return (unit["id"]!.GetValue<string>(), unit["status"]!.GetValue<string>());
    }
}
