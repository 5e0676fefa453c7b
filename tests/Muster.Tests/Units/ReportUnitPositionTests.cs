using Muster.Infrastructure;
using Muster.Infrastructure.Time;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.ReportingPosition;
using static Muster.Tests.Depots.Given;

namespace Muster.Tests.Units;

public sealed class ReportUnitPositionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Scene = new(36.61, 111.75);

    private static readonly RescueUnit Unit = UnitEvolution.Create(
        new UnitRegistered(Guid.NewGuid(), "霍州矿山救护队", UnitKind.MineRescueTeam, NimsType.I, ["mine-rescue"], 12, new GeoPoint(36.57, 111.72), OwnAgency),
        Now.AddDays(-30));

    [Fact]
    public void Given_a_report_from_the_device_when_deciding_then_the_position_is_recorded_at_the_devices_time_in_utc()
    {
        var at = new DateTimeOffset(2026, 11, 29, 15, 58, 0, TimeSpan.FromHours(8));

        var result = ReportUnitPositionDecision.Decide(Unit, new ReportUnitPosition(Unit.Id, Scene, at), Partner, Now);

        Assert.Equal(new UnitPositionReported(Unit.Id, Scene, at), result.Value);
        Assert.Equal(TimeSpan.Zero, result.Value!.At.Offset);
    }

    [Fact]
    public void Given_an_older_report_than_the_last_when_deciding_then_it_is_recorded_for_the_track_but_the_unit_stays_put()
    {
        var moved = UnitEvolution.Evolve(Unit, new UnitPositionReported(Unit.Id, Scene, Now.AddMinutes(-1)));

        var late = ReportUnitPositionDecision.Decide(moved, new ReportUnitPosition(Unit.Id, new GeoPoint(36.58, 111.73), Now.AddMinutes(-10)), Logistics, Now);

        Assert.True(late.Succeeded);
        Assert.Equal(Scene, UnitEvolution.Evolve(moved, late.Value!).Location);
    }

    [Fact]
    public void Given_another_agencys_unit_when_a_partner_reports_then_it_is_forbidden() =>
        Assert.Equal((ErrorCodes.Forbidden, "unitId"),
            ErrorOf(ReportUnitPositionDecision.Decide(Unit, new ReportUnitPosition(Unit.Id, Scene, Now), OtherPartner, Now)));

    [Fact]
    public void Given_no_unit_when_reporting_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "unitId"),
            ErrorOf(ReportUnitPositionDecision.Decide(null, new ReportUnitPosition(Guid.NewGuid(), Scene, Now), Logistics, Now)));

    public static TheoryData<GeoPoint, TimeSpan, string> BadReports() => new()
    {
        { new GeoPoint(123, 111.7), TimeSpan.Zero, "location" },
        { new GeoPoint(36.6, -181), TimeSpan.Zero, "location" },
        { Scene, TimeSpan.FromMinutes(6), "at" },
        { Scene, -TimeSpan.FromDays(8), "at" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public void Given_a_bad_position_or_a_time_out_of_bounds_when_reporting_then_it_is_a_validation_error_on_that_field(GeoPoint location, TimeSpan fromNow, string field) =>
        Assert.Equal((ErrorCodes.Validation, field),
            ErrorOf(ReportUnitPositionDecision.Decide(Unit, new ReportUnitPosition(Unit.Id, location, Now + fromNow), Logistics, Now)));

    [Fact]
    public void Given_configured_bounds_when_reporting_then_they_replace_the_defaults()
    {
        var strict = new ReportedTimes { MaxAhead = TimeSpan.FromSeconds(30), MaxAge = TimeSpan.FromHours(1) };

        var ahead = ReportUnitPositionDecision.Decide(Unit, new ReportUnitPosition(Unit.Id, Scene, Now.AddMinutes(1)), Logistics, Now, strict);
        var old = ReportUnitPositionDecision.Decide(Unit, new ReportUnitPosition(Unit.Id, Scene, Now.AddHours(-2)), Logistics, Now, strict);

        Assert.Equal((ErrorCodes.Validation, "at"), ErrorOf(ahead));
        Assert.Equal((ErrorCodes.Validation, "at"), ErrorOf(old));
    }
}
