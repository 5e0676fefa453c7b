using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;
using Muster.Plans.Drilling;

namespace Muster.Api.Tests.Plans;

public sealed class PlansOnAMovableClock : AppFixture
{
    public MovableClock Clock { get; } = new();

    protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(Clock);

    protected override bool TestsRunTheJobs => true;
}

public sealed class PlanDrillTests(PlansOnAMovableClock given) : IClassFixture<PlansOnAMovableClock>
{
    private MusterApp App => given.App;

    private const string Drill = """
        mutation($input: RecordDrillInput!) { recordDrill(input: $input) { plan { id lastDrillOn nextDrillDue } errors { code field } } }
        """;

    private const string Overdue = "query($asOf: Date) { overdueDrills(asOf: $asOf) { id nextDrillDue } }";

    [Fact]
    public async Task An_overdue_drill_is_listed_reminded_once_and_recording_the_drill_moves_it_on()
    {
        var plan = await DispatchCalls.DefinePlanAsync(App, new { incidentKind = "FOREST_FIRE", level = "III", units = new[] { new { capability = "forest-fire", count = 3 } }, drillIntervalDays = 30 });
        // Tokens are checked against the real clock: issue them before the service's clock moves.
        var commander = App.Token("commander");
        var admin = App.Token("admin");
        using var scope = App.Services.CreateScope();
        var reminders = scope.ServiceProvider.GetRequiredService<DrillReminders>();
        var notYet = await reminders.RunAsync(CancellationToken.None);

        given.Clock.Advance(TimeSpan.FromDays(31));
        var overdue = await App.PostAsync(Overdue, null, commander);
        var first = await reminders.RunAsync(CancellationToken.None);
        var second = await reminders.RunAsync(CancellationToken.None);
        var today = DateOnly.FromDateTime(given.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var drilled = await App.PostAsync(Drill, new { input = new { planId = plan, heldOn = today, notes = "霍州市森林防火综合演练" } }, commander);
        var afterDrill = await App.PostAsync(Overdue, null, commander);

        Assert.Equal(0, notYet);
        Assert.Contains(overdue.Data!["overdueDrills"]!.AsArray(), p => p!["id"]!.GetValue<string>() == plan);
        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Empty(drilled.Data!["recordDrill"]!["errors"]!.AsArray());
        Assert.DoesNotContain(afterDrill.Data!["overdueDrills"]!.AsArray(), p => p!["id"]!.GetValue<string>() == plan);
        var trail = await App.PostAsync("query($of: ID!) { auditTrail(of: $of) { edges { node { eventType actor { subject } } } } }", new { of = plan }, admin);
        Assert.Single(trail.Data!["auditTrail"]!["edges"]!.AsArray(), e => e!["node"]!["eventType"]!.GetValue<string>() == "drill_reminder_issued"
            && e["node"]!["actor"]!["subject"]!.GetValue<string>() == "job:drill-reminders");
    }
}

public sealed class PlanDefinitionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Drill = """
        mutation($input: RecordDrillInput!) { recordDrill(input: $input) { plan { id lastDrillOn nextDrillDue } errors { code field } } }
        """;

    private MusterApp App => fixture.App;

    [Fact]
    public async Task Redefining_a_plan_makes_a_new_version_of_the_same_plan()
    {
        var first = await DispatchCalls.DefinePlanAsync(App, new { incidentKind = "EARTHQUAKE", level = "I", units = new[] { new { capability = "rescue", count = 10 } } });
        var response = await App.PostAsync(DispatchCalls.DefinePlan,
            new { input = new { incidentKind = "EARTHQUAKE", level = "I", units = new[] { new { capability = "rescue", count = 20 } } } }, App.Token("admin"));
        var plans = await App.PostAsync("query { plans(incidentKind: EARTHQUAKE) { id version units { count } } }", null, App.Token("partner", Guid.NewGuid()));

        var plan = Assert.Single(plans.Data!["plans"]!.AsArray())!;
        Assert.Equal(first, response.Data!["definePlan"]!["plan"]!["id"]!.GetValue<string>());
        Assert.Equal((first, 2, 20), (plan["id"]!.GetValue<string>(), plan["version"]!.GetValue<int>(), plan["units"]![0]!["count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Plans_are_defined_by_commanders_and_admins_only_and_bad_drills_are_refused()
    {
        var plan = await DispatchCalls.DefinePlanAsync(App, new { incidentKind = "TRAFFIC_ACCIDENT", level = "IV", units = new[] { new { capability = "medical", count = 1 } } });

        var byLogistics = await App.PostAsync(DispatchCalls.DefinePlan,
            new { input = new { incidentKind = "FLOOD", level = "IV", units = new[] { new { capability = "boat", count = 1 } } } }, App.Token("logistics"));
        var future = await App.PostAsync(Drill, new { input = new { planId = plan, heldOn = "2099-01-01" } }, App.Token("commander"));
        var unknown = await App.PostAsync(Drill, new { input = new { planId = Ids.Unknown("Plan"), heldOn = "2026-01-01" } }, App.Token("commander"));

        Assert.Contains("FORBIDDEN", byLogistics.ErrorCodes);
        Assert.Equal("VALIDATION", future.Data!["recordDrill"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", unknown.Data!["recordDrill"]!["errors"]![0]!["code"]!.GetValue<string>());
    }
}
