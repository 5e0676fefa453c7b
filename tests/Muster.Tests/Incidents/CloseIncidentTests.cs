using Muster.Experts;
using Muster.Incidents;
using Muster.Incidents.Closing;
using Muster.Incidents.Reporting;
using Muster.Infrastructure;
using Muster.Requests;
using Muster.Spatial;
using Muster.Supplies;
using Muster.Units;
using static Muster.Tests.Requests.Given;

namespace Muster.Tests.Incidents;

/// <summary>Closing an incident lets go of everything sent to it that has not left, and only that.</summary>
public sealed class CloseIncidentTests
{
    private static readonly GeoPoint Mine = new(36.62, 111.78);
    private static readonly Guid Depot = Guid.NewGuid();

    private static readonly Incident Open = IncidentEvolution.Create(
        ReportIncidentDecision.Decide(new ReportIncident(IncidentKind.MineFlooding, ResponseLevel.II, Mine, "某煤矿透水", null), Guid.NewGuid(), Commander).Value!,
        Now);

    [Fact]
    public void Given_units_in_every_status_when_closing_then_assigned_ones_are_free_at_once_and_those_out_on_the_road_or_on_scene_return()
    {
        var units = Enum.GetValues<UnitStatus>().Select(Unit).ToDictionary(u => u.Id, u => (RescueUnit?)u);

        var closure = Close(Open, units: units).Value!;

        var byStatus = units.Values.ToDictionary(u => u!.Status, u => u!.Id);
        Assert.Equal(
            [(UnitStatus.Assigned, UnitStatus.Available), (UnitStatus.EnRoute, UnitStatus.Returning), (UnitStatus.OnScene, UnitStatus.Returning)],
            closure.Units.Select(c => (c.From, c.To)).Order());
        Assert.All(closure.Units, c => Assert.Equal($"incident closed: {Open.Title}", c.Reason));
        Assert.Equal(
            new[] { byStatus[UnitStatus.Assigned], byStatus[UnitStatus.EnRoute], byStatus[UnitStatus.OnScene] }.Order(),
            closure.Closed.ReleasedUnitIds.Order());
    }

    [Fact]
    public void Given_experts_when_closing_then_only_the_engaged_ones_are_available_again()
    {
        var experts = Enum.GetValues<ExpertAvailability>().Select(Expert).ToDictionary(e => e.Id, e => (Expert?)e);
        var engaged = experts.Values.Single(e => e!.Availability == ExpertAvailability.Engaged)!.Id;

        var closure = Close(Open, experts: experts).Value!;

        Assert.Equal(new ExpertAvailabilityChanged(engaged, ExpertAvailability.Engaged, ExpertAvailability.Available, $"incident closed: {Open.Title}"),
            Assert.Single(closure.Experts));
        Assert.Equal([engaged], closure.Closed.ReleasedExpertIds);
    }

    [Fact]
    public void Given_supply_requests_when_closing_then_the_unshipped_ones_are_cancelled_and_their_stock_released_while_shipments_stay()
    {
        var line = Line(Depot, Tent, onHand: 100);
        var allocated = Approved(new ItemQuantity(Tent, 30)).Then(
            new SupplyRequestAllocated(Guid.Empty, [new AllocatedStock(line.Id, Depot, Tent, 30, 1200)], []));
        line = StockLineEvolution.Evolve(line, new StockReserved(line.Id, Depot, Tent, allocated.Id, ReservationHolder.SupplyRequest, 30), Now);
        var requested = Requested();
        var onTheRoad = Requested() with { Status = SupplyRequestStatus.InTransit };
        var requests = new[] { allocated, requested, onTheRoad }.ToDictionary(r => r.Id, r => (SupplyRequest?)r);

        var closure = Close(Open, requests: requests, lines: new Dictionary<Guid, StockLine?> { [line.Id] = line }).Value!;

        Assert.Equal(new[] { allocated.Id, requested.Id }.Order(), closure.Requests.Select(r => r.RequestId).Order());
        var released = Assert.IsType<ReservationReleased>(Assert.Single(closure.Stock));
        Assert.Equal((line.Id, allocated.Id, 30), (released.StockLineId, released.HolderId, released.Quantity));
    }

    [Fact]
    public void Given_an_open_incident_with_nothing_sent_when_closing_then_only_the_incident_is_closed_with_the_reason_trimmed()
    {
        var closure = Close(Open, reason: "  被困人员全部升井 ").Value!;

        Assert.Equal((Open.Id, "被困人员全部升井"), (closure.Closed.IncidentId, closure.Closed.Reason));
        Assert.Equal((0, 0, 0, 0), (closure.Units.Count, closure.Experts.Count, closure.Requests.Count, closure.Stock.Count));
    }

    [Fact]
    public void Given_no_incident_or_a_closed_one_when_closing_then_it_is_refused()
    {
        var closed = IncidentEvolution.Evolve(Open, new IncidentClosed(Open.Id, "处置完毕", [], []), Now);

        Assert.Equal((ErrorCodes.NotFound, "incidentId"), ErrorOf(Close(null)));
        Assert.Equal((ErrorCodes.InvalidState, "incidentId"), ErrorOf(Close(closed)));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\u0000")]
    public void Given_no_reason_when_closing_then_it_is_a_validation_error_on_reason(string reason) =>
        Assert.Equal((ErrorCodes.Validation, "reason"), ErrorOf(Close(Open, reason: reason)));

    private static Result<IncidentClosure> Close(
        Incident? incident, string reason = "处置完毕",
        IReadOnlyDictionary<Guid, RescueUnit?>? units = null, IReadOnlyDictionary<Guid, Expert?>? experts = null,
        IReadOnlyDictionary<Guid, SupplyRequest?>? requests = null, IReadOnlyDictionary<Guid, StockLine?>? lines = null) =>
        CloseIncidentDecision.Decide(incident, new CloseIncident(Open.Id, reason),
            units ?? new Dictionary<Guid, RescueUnit?>(), experts ?? new Dictionary<Guid, Expert?>(),
            requests ?? new Dictionary<Guid, SupplyRequest?>(), lines ?? new Dictionary<Guid, StockLine?>());

    private static RescueUnit Unit(UnitStatus status) => UnitEvolution.Create(
        new UnitRegistered(Guid.NewGuid(), $"救援队 {status}", UnitKind.RescueTeam, NimsType.II, ["mine-rescue"], 8, Mine, RedCross), Now) with { Status = status };

    private static Expert Expert(ExpertAvailability availability) => ExpertEvolution.Create(
        new ExpertRegistered(Guid.NewGuid(), $"专家 {availability}", ExpertKind.Person, ["mine-ventilation"], "0357-0000000", Mine, RedCross, null), Now)
        with { Availability = availability };
}
