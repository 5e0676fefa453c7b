using Muster.Incidents;
using Muster.Plans;
using Muster.Plans.Defining;
using Muster.Plans.Drilling;

namespace Muster.Tests.Plans;

public sealed class DefinePlanTests
{
    private static readonly Requirements MineRescue = new([new("Mine-Rescue ", 2), new("mine-rescue", 1)], [new("1010101", 50)], [new("geology", 1)]);

    [Fact]
    public void Requirements_are_normalized_and_entries_for_the_same_need_added_up()
    {
        var defined = DefinePlanDecision.Decide(new DefinePlan(IncidentKind.MineGasExplosion, ResponseLevel.II, null, MineRescue, 180), []);

        Assert.True(defined.Succeeded);
        Assert.Equal([new UnitNeed("mine-rescue", 3)], defined.Value!.Requirements.Units);
        Assert.Equal("MineGasExplosion level II", defined.Value.Name);
        Assert.Equal(PlanId.Of(IncidentKind.MineGasExplosion, ResponseLevel.II), defined.Value.PlanId);
    }

    [Theory]
    [InlineData(0, null, "requirements.units")]
    [InlineData(101, null, "requirements.units")]
    [InlineData(1, 0, "drillIntervalDays")]
    public void Bad_counts_and_intervals_are_refused(int count, int? drillDays, string field)
    {
        var requirements = new Requirements([new("fire", count)], [], []);

        var defined = DefinePlanDecision.Decide(new DefinePlan(IncidentKind.BuildingFire, ResponseLevel.IV, null, requirements, drillDays), []);

        Assert.Equal(("VALIDATION", field), (defined.Errors[0].Code, defined.Errors[0].Field));
    }

    [Fact]
    public void An_item_not_in_the_catalog_is_not_found()
    {
        var defined = DefinePlanDecision.Decide(new DefinePlan(IncidentKind.Flood, ResponseLevel.III, null, MineRescue, null), ["1010101"]);

        Assert.Equal("NOT_FOUND", defined.Errors.Single().Code);
    }

    [Fact]
    public void Redefining_makes_a_new_version_and_a_drill_moves_the_next_due_date()
    {
        var at = new DateTimeOffset(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);
        var first = DefinePlanDecision.Decide(new DefinePlan(IncidentKind.Flood, ResponseLevel.III, "防汛 III 级", MineRescue, 90), []).Value!;
        var plan = PlanEvolution.Evolve(null, first, at);
        Assert.Equal(new DateOnly(2026, 4, 10), plan.NextDrillDue);

        plan = PlanEvolution.Evolve(plan, first with { Name = "防汛 III 级（修订）" }, at.AddDays(1));
        var drill = RecordDrillDecision.Decide(plan, new RecordDrill(plan.Id, new DateOnly(2026, 3, 1), "汾河堤防演练"), new DateOnly(2026, 3, 2));
        plan = PlanEvolution.Evolve(plan, drill.Value!, at.AddDays(50));

        Assert.Equal((2, "防汛 III 级（修订）"), (plan.Version, plan.Name));
        Assert.Equal(new DateOnly(2026, 5, 30), plan.NextDrillDue);
    }

    [Fact]
    public void A_drill_cannot_be_recorded_in_the_future()
    {
        var plan = PlanEvolution.Evolve(null, new PlanDefined(Guid.NewGuid(), IncidentKind.Flood, ResponseLevel.IV, "x", MineRescue, 30), DateTimeOffset.UnixEpoch);

        var drill = RecordDrillDecision.Decide(plan, new RecordDrill(plan.Id, new DateOnly(2026, 12, 1), null), new DateOnly(2026, 11, 29));

        Assert.Equal(("VALIDATION", "heldOn"), (drill.Errors[0].Code, drill.Errors[0].Field));
    }
}
