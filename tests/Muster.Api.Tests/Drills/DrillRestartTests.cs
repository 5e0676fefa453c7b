using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Drills;

/// <summary>A drill outlives a restart of the service: its copy stays, and its world is started again on the first request.</summary>
public sealed class DrillRestartTests
{
    private const string UnitStatus = "query($id: ID!) { node(id: $id) { ... on RescueUnit { status } } }";

    private const string ChangeStatus = """
        mutation($input: ChangeUnitStatusInput!) { changeUnitStatus(input: $input) { unit { id status } errors { code message } } }
        """;

    [Fact]
    public async Task A_drill_started_before_a_restart_is_played_and_ended_after_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        string drillId, endpoint, unit;
        await using (var before = new MusterApp(database))
        {
            var agency = await AgencyCalls.RegisterAsync(before, "霍州市消防救援大队");
            unit = await UnitCalls.RegisterAsync(before, agency, "开元消防站 1 号车", 36.57, 111.72, "FIRE_ENGINE", ["fire"]);
            var plan = await DispatchCalls.DefinePlanAsync(before, new { incidentKind = "BUILDING_FIRE", level = "IV", units = new[] { new { capability = "fire", count = 1 } } });
            var drill = (await DrillCalls.StartAsync(before, plan, 36.57, 111.72))["drill"]!;
            (drillId, endpoint) = (drill["id"]!.GetValue<string>(), drill["endpoint"]!.GetValue<string>());
            var changed = await DrillCalls.InDrillAsync(before, endpoint, ChangeStatus, new { input = new { unitId = unit, status = "OUT_OF_SERVICE" } }, before.Token("commander"));
            Assert.Equal("OUT_OF_SERVICE", changed.Data!["changeUnitStatus"]!["unit"]!["status"]!.GetValue<string>());
        }

        await using var after = new MusterApp(database);
        var inDrill = await DrillCalls.InDrillAsync(after, endpoint, UnitStatus, new { id = unit }, after.Token("commander"));
        var inReal = await after.PostAsync(UnitStatus, new { id = unit }, after.Token("commander"));
        var ended = await DrillCalls.EndAsync(after, drillId);

        Assert.Equal("OUT_OF_SERVICE", inDrill.Data!["node"]!["status"]!.GetValue<string>());
        Assert.Equal("AVAILABLE", inReal.Data!["node"]!["status"]!.GetValue<string>());
        Assert.Empty(ended["errors"]!.AsArray());
        Assert.Contains("unit_status_changed", ended["drill"]!["afterAction"]!["timeline"]!.AsArray().Select(e => e!["eventType"]!.GetValue<string>()));
        Assert.Equal(0, await DrillCalls.DrillDatabasesAsync(after));
    }
}
