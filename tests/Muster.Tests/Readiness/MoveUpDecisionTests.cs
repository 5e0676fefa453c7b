using Muster.Readiness.MoveUp;
using Muster.Readiness.MoveUp.Approving;
using Muster.Readiness.MoveUp.Arriving;
using Muster.Spatial;
using Muster.Units;

namespace Muster.Tests.Readiness;

public sealed class MoveUpDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Station = new(36.535, 111.69);
    private static readonly MovePost Depot = new("depot:x", "东山应急物资库", PostKind.Depot, new GeoPoint(36.605, 111.875));
    private static readonly EtaModel Eta = new(new EtaOptions());

    private static RescueUnit Team(Guid id, UnitStatus status = UnitStatus.Available) =>
        UnitEvolution.Create(new UnitRegistered(id, "一中队", UnitKind.MineRescueTeam, NimsType.II, ["mine-rescue"], 8, Station, Guid.NewGuid()), Now)
            with { Status = status };

    [Fact]
    public void Given_an_available_team_when_approved_then_it_is_en_route_with_the_post_and_its_expected_arrival()
    {
        var id = Guid.NewGuid();
        var result = ApproveMoveUpDecision.Decide(new ApproveMoveUp([new MoveOrder(id, Depot.Id)]), new Dictionary<Guid, RescueUnit?> { [id] = Team(id) },
            new Dictionary<string, MovePost> { [Depot.Id] = Depot }, Guid.NewGuid(), Eta, 300, Now);

        var (status, moving) = Assert.Single(result.Value!);
        Assert.Equal(UnitStatus.EnRoute, status.To);
        Assert.Equal(Now.AddSeconds(moving.EtaSeconds), moving.ExpectedAt);
        var unit = UnitEvolution.Evolve(UnitEvolution.Evolve(Team(id), status), moving);
        Assert.Equal(UnitStatus.EnRoute, unit.Status);
        Assert.Equal("东山应急物资库", unit.MovingUp!.PostName);
    }

    [Fact]
    public void Given_one_team_assigned_when_two_are_approved_then_it_is_a_conflict_on_that_move_and_no_event()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var result = ApproveMoveUpDecision.Decide(new ApproveMoveUp([new MoveOrder(a, Depot.Id), new MoveOrder(b, Depot.Id)]),
            new Dictionary<Guid, RescueUnit?> { [a] = Team(a), [b] = Team(b, UnitStatus.Assigned) },
            new Dictionary<string, MovePost> { [Depot.Id] = Depot }, Guid.NewGuid(), Eta, 300, Now);

        Assert.False(result.Succeeded);
        Assert.Equal(("CONFLICT", "moves[1].unitId"), (result.Errors[0].Code, result.Errors[0].Field));
    }

    [Fact]
    public void Given_a_team_moving_up_when_its_time_comes_or_it_reports_at_the_post_then_it_has_arrived_and_stands_there()
    {
        var id = Guid.NewGuid();
        var moving = new UnitMovingUp(id, Guid.NewGuid(), Depot.Id, Depot.Name, Depot.Location, 1200, Now.AddSeconds(1200));
        var onTheWay = UnitEvolution.Evolve(Team(id) with { Status = UnitStatus.EnRoute }, moving);

        Assert.Null(MoveUpArrivals.Arrival(onTheWay, Now.AddSeconds(600), 200));
        var byTime = MoveUpArrivals.Arrival(onTheWay, Now.AddSeconds(1300), 200)!;
        Assert.Equal(Now.AddSeconds(1200), byTime.At);
        var reported = UnitEvolution.Evolve(onTheWay, new UnitPositionReported(id, new GeoPoint(36.6055, 111.875), Now.AddSeconds(900)));
        var byReport = MoveUpArrivals.Arrival(reported, Now.AddSeconds(905), 200)!;
        Assert.Equal(Now.AddSeconds(900), byReport.At);
        var there = UnitEvolution.Evolve(reported, byReport);
        Assert.Null(there.MovingUp);
        Assert.Equal(Depot.Location, there.Location);
        Assert.Null(MoveUpArrivals.Arrival(UnitEvolution.Evolve(onTheWay, new UnitStatusChanged(id, UnitStatus.EnRoute, UnitStatus.OnScene, null)), Now.AddHours(2), 200));
    }
}
