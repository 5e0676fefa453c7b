using Muster.Dispatch.Proposing;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Plans;
using Muster.Spatial;
using static Muster.Tests.Requests.Given;

namespace Muster.Tests.Dispatch;

/// <summary>What a proposal must cover: the plan's requirements, or the commander's own, or why there is nothing to propose.</summary>
public sealed class ProposeDispatchTests
{
    private static readonly Incident Flood = IncidentEvolution.Create(
        new IncidentReported(Guid.NewGuid(), IncidentKind.Flood, ResponseLevel.III, "汾河霍州段漫堤", null, new GeoPoint(36.568, 111.715), "commander-wang"), Now);

    private static readonly Requirements PlanRequirements = new([new UnitNeed("water-rescue", 2)], [new SupplyNeed(Tent, 100)], []);

    private static readonly Plan FloodPlan = new(
        Guid.NewGuid(), IncidentKind.Flood, ResponseLevel.III, 1, "防汛 III 级响应", PlanRequirements, null, null, null, null, Now, Now);

    [Fact]
    public void Given_no_requirements_when_proposing_then_the_plan_for_the_incidents_kind_and_level_decides() =>
        Assert.Same(PlanRequirements, ProposeDispatchDecision.Requirements(Flood, null, FloodPlan, []).Value);

    [Fact]
    public void Given_no_requirements_and_no_plan_when_proposing_then_it_is_not_found_naming_kind_and_level()
    {
        var result = ProposeDispatchDecision.Requirements(Flood, null, null, []);

        Assert.Equal((ErrorCodes.NotFound, "requirements"), ErrorOf(result));
        Assert.Contains("Flood at level III", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_commanders_requirements_when_proposing_then_they_are_used_in_normal_form_instead_of_the_plan()
    {
        var given = new Requirements([new UnitNeed(" Water-Rescue ", 1), new UnitNeed("water-rescue", 2)], [new SupplyNeed(Water, 40)], [new ExpertNeed("Hydrology", 1)]);

        var requirements = ProposeDispatchDecision.Requirements(Flood, given, FloodPlan, []).Value!;

        Assert.Equal([new UnitNeed("water-rescue", 3)], requirements.Units);
        Assert.Equal([new SupplyNeed(Water, 40)], requirements.Supplies);
        Assert.Equal([new ExpertNeed("hydrology", 1)], requirements.Experts);
    }

    [Fact]
    public void Given_requirements_naming_an_item_not_in_the_catalog_when_proposing_then_it_is_not_found()
    {
        var given = new Requirements([], [new SupplyNeed("3990101", 5)], []);

        var result = ProposeDispatchDecision.Requirements(Flood, given, null, ["3990101"]);

        Assert.Equal((ErrorCodes.NotFound, "requirements.supplies"), ErrorOf(result));
        Assert.Contains("3990101", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_requirements_that_ask_for_nothing_or_for_zero_when_proposing_then_it_is_a_validation_error()
    {
        Assert.Equal((ErrorCodes.Validation, "requirements"), ErrorOf(ProposeDispatchDecision.Requirements(Flood, new Requirements([], [], []), null, [])));
        Assert.Equal(ErrorCodes.Validation,
            ProposeDispatchDecision.Requirements(Flood, new Requirements([new UnitNeed("water-rescue", 0)], [], []), null, []).Errors[0].Code);
    }

    [Fact]
    public void Given_no_incident_or_a_closed_one_when_proposing_then_it_is_refused_on_incidentId()
    {
        var closed = IncidentEvolution.Evolve(Flood, new IncidentClosed(Flood.Id, "水位回落", [], []), Now);

        Assert.Equal((ErrorCodes.NotFound, "incidentId"), ErrorOf(ProposeDispatchDecision.Requirements(null, null, FloodPlan, [])));
        Assert.Equal((ErrorCodes.InvalidState, "incidentId"), ErrorOf(ProposeDispatchDecision.Requirements(closed, null, FloodPlan, [])));
    }

    [Fact]
    public void Given_a_capability_or_specialty_nobody_carries_when_proposing_then_it_is_not_found_on_that_list()
    {
        var requirements = new Requirements([new UnitNeed("water-rescue", 1)], [], [new ExpertNeed("hydrology", 1)]);

        var noUnit = ProposeDispatchDecision.Unknown(requirements, Candidates(unitsCarrying: 0, expertsWith: 1));
        var noExpert = ProposeDispatchDecision.Unknown(requirements, Candidates(unitsCarrying: 1, expertsWith: 0));

        Assert.Equal((ErrorCodes.NotFound, "requirements.units"), (noUnit!.Code, noUnit.Field));
        Assert.Equal((ErrorCodes.NotFound, "requirements.experts"), (noExpert!.Code, noExpert.Field));
    }

    [Fact]
    public void Given_capabilities_carried_only_by_busy_units_when_proposing_then_they_are_known_and_fall_short_instead() =>
        Assert.Null(ProposeDispatchDecision.Unknown(
            new Requirements([new UnitNeed("water-rescue", 1)], [], [new ExpertNeed("hydrology", 1)]), Candidates(unitsCarrying: 2, expertsWith: 1)));

    private static DispatchCandidates Candidates(int unitsCarrying, int expertsWith) => new(
        new Dictionary<string, IReadOnlyList<Candidate>>(),
        new Dictionary<string, int> { ["water-rescue"] = unitsCarrying },
        new Dictionary<string, IReadOnlyList<SupplyCandidate>>(),
        new Dictionary<string, IReadOnlyList<Candidate>>(),
        new Dictionary<string, int> { ["hydrology"] = expertsWith });
}
