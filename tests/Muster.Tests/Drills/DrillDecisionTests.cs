using JasperFx.Events;
using Muster.Dispatch;
using Muster.Drills;
using Muster.Drills.AfterAction;
using Muster.Drills.Ending;
using Muster.Drills.Starting;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Plans;
using Muster.Requests;
using Muster.Spatial;

namespace Muster.Tests.Drills;

public sealed class DrillDecisionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Mine = new(36.62, 111.78);
    private static readonly Requirements Needs = new([new("mine-rescue", 2)], [new("1010101", 80)], [new("mine-ventilation", 1)]);

    private static readonly Plan MinePlan = new(Guid.NewGuid(), IncidentKind.MineGasExplosion, ResponseLevel.II, 3, "煤矿瓦斯爆炸 II 级响应", Needs,
        180, null, null, null, T0, T0);

    private static Drill OpenDrill() => Drill.After(null, Event(0, new DrillStarted(Guid.NewGuid(), MinePlan.Id, MinePlan.Name, 3, Needs,
        new DrillScenario(IncidentKind.MineGasExplosion, ResponseLevel.II, Mine, "演练"), "muster_drill_x", 100, Guid.NewGuid(), "commander-li")))!;

    [Fact]
    public void Given_a_plan_when_a_drill_starts_without_kind_level_or_title_then_the_scenario_takes_the_plans()
    {
        var scenario = StartDrillDecision.Decide(MinePlan, new StartDrill(MinePlan.Id, null, null, Mine, null), 0, 4);

        Assert.Equal(new DrillScenario(IncidentKind.MineGasExplosion, ResponseLevel.II, Mine, "演练：煤矿瓦斯爆炸 II 级响应"), scenario.Value);
    }

    [Theory]
    [InlineData(false, 36.6, "t", 0, "NOT_FOUND", "planId")]
    [InlineData(true, 91.0, "t", 0, "VALIDATION", "scenario.location")]
    [InlineData(true, 36.6, " ", 0, "VALIDATION", "scenario.title")]
    [InlineData(true, 36.6, "t", 4, "INVALID_STATE", "planId")]
    public void Given_bad_input_or_too_many_drills_when_a_drill_starts_then_it_is_refused_by_name(
        bool planExists, double lat, string title, int open, string code, string field)
    {
        var refused = StartDrillDecision.Decide(planExists ? MinePlan : null, new StartDrill(MinePlan.Id, null, null, new GeoPoint(lat, 111.7), title), open, 4);

        Assert.Equal((code, field), (refused.Errors[0].Code, refused.Errors[0].Field));
    }

    [Fact]
    public void Given_an_ended_drill_when_it_is_ended_again_then_it_is_refused()
    {
        var drill = OpenDrill();
        var report = AfterActionReports.Build(drill, [], T0.AddHours(1));
        var ended = Drill.After(drill, Event(1, new DrillEnded(drill.Id, report, null, "commander-li")));

        var again = EndDrillDecision.Decide(ended, MinePlan, new EndDrill(drill.Id, null), report, Actor.System, new DateOnly(2026, 11, 30));

        Assert.Equal(("INVALID_STATE", "drillId"), (again.Errors[0].Code, again.Errors[0].Field));
        Assert.Equal(("NOT_FOUND", "drillId"), (EndDrillDecision.Refusal(null, new EndDrill(drill.Id, null))!.Code, "drillId"));
    }

    [Fact]
    public void Given_a_drill_that_reported_proposed_approved_shipped_and_closed_when_it_ends_then_the_report_times_each_step_and_compares_with_the_plan()
    {
        var drill = OpenDrill();
        var incident = Guid.NewGuid();
        var request = Guid.NewGuid();
        var (near, far) = (Guid.NewGuid(), Guid.NewGuid());
        var depot = Guid.NewGuid();
        var proposal = new DispatchProposal(Guid.NewGuid(), incident, MinePlan.Id, 3, Needs,
            [new(near, "mine-rescue", 2000, 300, false, "nearest", []), new(far, "mine-rescue", 15000, 1200, false, "next", [])],
            [new(depot, "1010101", 50, 5000, 600, "nearest depot", [])], [],
            [new(ShortfallKind.Supply, "1010101", 30, "only 50 available"), new(ShortfallKind.Expert, "mine-ventilation", 1, "none available")],
            "commander-li", T0, ProposalStatus.Proposed);
        IEvent[] events =
        [
            Event(101, new IncidentReported(incident, IncidentKind.MineGasExplosion, ResponseLevel.II, "演练", null, Mine, "commander-li"), T0, incident),
            Event(102, new DispatchProposed(incident, proposal, null), T0.AddSeconds(40), incident),
            Event(103, new DispatchApproved(incident, proposal.Id, [near], [], request, [far]), T0.AddSeconds(100), incident),
            Event(104, new ShipmentDispatched(request, "晋L", "王", T0.AddHours(1), []), T0.AddSeconds(160), request),
            Event(105, new IncidentClosed(incident, "演练结束", [near], []), T0.AddSeconds(600), incident),
        ];

        var report = AfterActionReports.Build(drill, events, T0.AddHours(1));

        var response = Assert.Single(report.Responses);
        Assert.Equal((T0.AddSeconds(40), T0.AddSeconds(100), T0.AddSeconds(160), T0.AddSeconds(600)),
            (response.FirstProposedAt, response.ApprovedAt, response.ShippedAt, response.ClosedAt));
        // The commander left the far team out: one of the two mine rescue teams the plan wants went.
        Assert.Equal(
            [new PlanComparison(ShortfallKind.Unit, "mine-rescue", 2, 1), new PlanComparison(ShortfallKind.Supply, "1010101", 80, 50), new PlanComparison(ShortfallKind.Expert, "mine-ventilation", 1, 0)],
            report.ComparedWithPlan);
        Assert.Equal(["1010101", "mine-ventilation"], report.ShortOf.Select(s => s.What));
        Assert.Equal([101L, 102, 103, 104, 105], report.Timeline.Select(t => t.Sequence));
        Assert.Null(report.CoverageLost);
        Assert.Contains("接报→方案 40 秒，方案→批准 60 秒", AfterActionReports.Summary(drill, report, null), StringComparison.Ordinal);
    }

    private static IEvent Event<T>(long sequence, T data, DateTimeOffset? at = null, Guid? stream = null)
        where T : notnull =>
        new Event<T>(data) { Sequence = sequence, Timestamp = at ?? T0, StreamId = stream ?? Guid.NewGuid(), Version = 1, EventTypeName = typeof(T).Name };
}
