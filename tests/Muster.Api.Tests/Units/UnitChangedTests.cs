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
        await using var socket = await GraphQLSocket.SubscribeListeningAsync(App, App.Token("commander"), "area",
            "subscription { unitChanged(within: { center: { lat: 36.60, lon: 111.74 }, radiusMeters: 5000 }) { id status } }");

        await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = outside, status = "OUT_OF_SERVICE" } }, App.Token("commander"));
        await App.PostAsync(UnitCalls.ChangeStatus, new { input = new { unitId = inside, status = "ASSIGNED" } }, App.Token("commander"));
        var next = await socket.ReceiveAsync();
        await UnitCalls.ReportAsync(App, inside, 36.95, 112.20, DateTimeOffset.UtcNow);
        var movedAway = await socket.TryReceiveAsync(TimeSpan.FromSeconds(1));

        var unit = next["payload"]!["data"]!["unitChanged"]!;
        Assert.Equal((inside, "ASSIGNED"), (unit["id"]!.GetValue<string>(), unit["status"]!.GetValue<string>()));
        Assert.Null(movedAway);
    }
}
