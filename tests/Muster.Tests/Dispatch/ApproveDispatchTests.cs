using Muster.Dispatch;
using Muster.Dispatch.Approving;
using Muster.Experts;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Plans;
using Muster.Requests;
using Muster.Spatial;
using Muster.Supplies;
using Muster.Units;
using static Muster.Tests.Requests.Given;

namespace Muster.Tests.Dispatch;

/// <summary>Approving a proposal claims everything it names at once, or nothing and says what was taken.</summary>
public sealed class ApproveDispatchTests
{
    private static readonly GeoPoint Mine = new(36.62, 111.78);
    private static readonly Guid NearDepot = Guid.NewGuid();
    private static readonly Guid FarDepot = Guid.NewGuid();
    private static readonly Guid NewRequest = Guid.NewGuid();

    private static readonly RescueUnit MineRescueTeam = Unit("霍州矿山救护队");
    private static readonly RescueUnit Ambulance = Unit("霍州市人民医院 120");
    private static readonly Expert Ventilation = ExpertEvolution.Create(
        new ExpertRegistered(Guid.NewGuid(), "通风专家组", ExpertKind.Team, ["mine-ventilation"], "0357-0000000", Mine, RedCross, null), Now);

    private static readonly DispatchProposal Proposal = new(
        Guid.NewGuid(), Guid.NewGuid(), null, null,
        new Requirements([new UnitNeed("mine-rescue", 1), new UnitNeed("medical", 1)], [new SupplyNeed(Tent, 50)], [new ExpertNeed("mine-ventilation", 1)]),
        [Proposed(MineRescueTeam, "mine-rescue"), Proposed(Ambulance, "medical")],
        [new ProposedSupply(NearDepot, Tent, 30, 1_000, 300, "nearest", []), new ProposedSupply(FarDepot, Tent, 20, 9_000, 900, "next", [])],
        [new ProposedExpert(Ventilation.Id, "mine-ventilation", 2_000, 600, "soonest", [])],
        [], "commander-wang", Now, ProposalStatus.Proposed);

    private static readonly Incident Incident = IncidentEvolution.Evolve(
        IncidentEvolution.Create(new IncidentReported(Proposal.IncidentId, IncidentKind.MineFlooding, ResponseLevel.II, "某煤矿透水", null, Mine, "commander-wang"), Now),
        new DispatchProposed(Proposal.IncidentId, Proposal, null), Now);

    [Fact]
    public void Given_everything_still_free_when_approving_then_units_are_assigned_experts_engaged_and_stock_held_for_a_new_supply_request()
    {
        var claim = Approve(State()).Value!;

        var why = "dispatched to incident 某煤矿透水";
        Assert.Equal(
            [new UnitStatusChanged(MineRescueTeam.Id, UnitStatus.Available, UnitStatus.Assigned, why), new UnitStatusChanged(Ambulance.Id, UnitStatus.Available, UnitStatus.Assigned, why)],
            claim.Units);
        Assert.Equal([new ExpertAvailabilityChanged(Ventilation.Id, ExpertAvailability.Available, ExpertAvailability.Engaged, why)], claim.Experts);
        Assert.Equal([(NearDepot, 30), (FarDepot, 20)], claim.Stock.Select(s => (s.DepotId, s.Quantity)));
        Assert.All(claim.Stock, s => Assert.Equal((NewRequest, ReservationHolder.SupplyRequest, Tent), (s.HolderId, s.Holder, s.ItemCode)));
        Assert.Equal((Incident.Id, Proposal.Id, NewRequest), (claim.Approved.IncidentId, claim.Approved.ProposalId, claim.Approved.SupplyRequestId));
        Assert.Equal([MineRescueTeam.Id, Ambulance.Id], claim.Approved.UnitIds);
        Assert.Equal([Ventilation.Id], claim.Approved.ExpertIds);
    }

    [Fact]
    public void Given_a_level_II_incident_when_approving_supplies_then_they_become_an_urgent_request_of_the_incident_approved_and_allocated()
    {
        var claim = Approve(State()).Value!;

        var requested = Assert.IsType<SupplyRequested>(claim.SupplyRequest[0]);
        Assert.Equal((NewRequest, Incident.Id, SupplyPriority.Urgent, Mine), (requested.RequestId, requested.IncidentId, requested.Priority, requested.DeliverTo));
        Assert.Equal([new ItemQuantity(Tent, 50)], requested.Lines);
        Assert.Equal(new SupplyRequestApproved(NewRequest), claim.SupplyRequest[1]);
        var allocated = Assert.IsType<SupplyRequestAllocated>(claim.SupplyRequest[2]);
        Assert.Equal([(NearDepot, 30), (FarDepot, 20)], allocated.Allocations.Select(a => (a.DepotId, a.Quantity)));
        Assert.Empty(allocated.Shortfalls);
    }

    [Fact]
    public void Given_the_commander_leaves_out_a_unit_and_a_depot_when_approving_then_neither_is_claimed_and_the_override_is_recorded()
    {
        var claim = Approve(State(), excluding: [Ambulance.Id, FarDepot]).Value!;

        Assert.Equal([MineRescueTeam.Id], claim.Units.Select(u => u.UnitId));
        Assert.Equal([NearDepot], claim.Stock.Select(s => s.DepotId));
        Assert.Equal([new ItemQuantity(Tent, 30)], Assert.IsType<SupplyRequested>(claim.SupplyRequest[0]).Lines);
        Assert.Equal([Ambulance.Id, FarDepot], claim.Approved.Excluded);
    }

    [Fact]
    public void Given_a_proposal_without_supplies_when_approving_then_no_supply_request_is_made()
    {
        var claim = Approve(State(), excluding: [NearDepot, FarDepot]).Value!;

        Assert.Empty(claim.SupplyRequest);
        Assert.Empty(claim.Stock);
        Assert.Null(claim.Approved.SupplyRequestId);
    }

    [Fact]
    public void Given_a_unit_sent_elsewhere_meanwhile_when_approving_then_it_is_a_conflict_naming_it_and_nothing_is_claimed()
    {
        var state = State() with
        {
            Units = new Dictionary<Guid, RescueUnit?> { [MineRescueTeam.Id] = MineRescueTeam with { Status = UnitStatus.EnRoute }, [Ambulance.Id] = Ambulance },
        };

        var result = Approve(state);

        Assert.Equal((ErrorCodes.Conflict, "proposalId"), ErrorOf(result));
        Assert.Contains("霍州矿山救护队 is EN_ROUTE", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Given_stock_taken_meanwhile_or_an_expert_engaged_elsewhere_when_approving_then_it_is_a_conflict_naming_both()
    {
        var state = State() with
        {
            Lines = Lines(near: 10),
            Experts = new Dictionary<Guid, Expert?> { [Ventilation.Id] = Ventilation with { Availability = ExpertAvailability.Engaged } },
        };

        var message = Approve(state).Errors.Single().Message;

        Assert.Contains("通风专家组 is ENGAGED", message, StringComparison.Ordinal);
        Assert.Contains($"{Tent} at a depot: 10 available, 30 proposed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_no_proposal_a_closed_incident_or_a_proposal_no_longer_current_when_approving_then_it_is_refused_on_proposalId()
    {
        var closed = IncidentEvolution.Evolve(Incident, new IncidentClosed(Incident.Id, "处置完毕", [], []), Now);
        var newer = Proposal with { Id = Guid.NewGuid() };
        var superseded = IncidentEvolution.Evolve(Incident, new DispatchProposed(Incident.Id, newer, Proposal.Id), Now);

        Assert.Equal((ErrorCodes.NotFound, "proposalId"), ErrorOf(Approve(State() with { Proposal = null })));
        Assert.Equal((ErrorCodes.InvalidState, "proposalId"), ErrorOf(Approve(State() with { Incident = closed })));
        Assert.Equal((ErrorCodes.InvalidState, "proposalId"), ErrorOf(Approve(State() with { Incident = superseded })));
        Assert.Equal((ErrorCodes.InvalidState, "proposalId"), ErrorOf(Approve(State() with { Proposal = Proposal with { Status = ProposalStatus.Approved } })));
    }

    private static Result<DispatchClaim> Approve(ClaimedState state, IReadOnlyCollection<Guid>? excluding = null) =>
        ApproveDispatchDecision.Decide(state, new ApproveDispatch(Proposal.Id, excluding ?? []), NewRequest);

    private static ClaimedState State() => new(
        Proposal,
        Incident,
        new Dictionary<Guid, RescueUnit?> { [MineRescueTeam.Id] = MineRescueTeam, [Ambulance.Id] = Ambulance },
        new Dictionary<Guid, Expert?> { [Ventilation.Id] = Ventilation },
        Lines(near: 40));

    private static Dictionary<Guid, StockLine?> Lines(int near) => new()
    {
        [StockLineId.Of(NearDepot, Tent)] = Line(NearDepot, Tent, near),
        [StockLineId.Of(FarDepot, Tent)] = Line(FarDepot, Tent, 25),
    };

    private static RescueUnit Unit(string name) => UnitEvolution.Create(
        new UnitRegistered(Guid.NewGuid(), name, UnitKind.RescueTeam, NimsType.I, ["mine-rescue", "medical"], 10, Mine, RedCross), Now);

    private static ProposedUnit Proposed(RescueUnit unit, string capability) => new(unit.Id, capability, 1_500, 420, false, "nearest available", []);
}
