using Muster.Hazards;
using Muster.Hazards.Registering;
using Muster.Incidents;
using Muster.Infrastructure;
using Muster.Spatial;
using static Muster.Tests.Hazards.Given;

namespace Muster.Tests.Hazards;

public sealed class RegisterHazardSiteTests
{
    private static RegisterHazardSite Command(string name = "曹村煤矿", GeoPoint? at = null, IReadOnlyList<GeoPoint>? line = null) =>
        new(name, HazardSiteKind.CoalMine, RiskLevel.Orange, line is null ? at ?? new GeoPoint(36.577, 111.652) : null, line, " 霍州煤电集团 ",
            new SiteContact("矿长", "矿长（示例）丙", "0357-0000103"), [IncidentKind.MineFlooding, IncidentKind.MineFlooding]);

    private static Result<HazardSiteRegistered> Decide(RegisterHazardSite command, HazardScope scope, SitePlace place, bool taken = false) =>
        RegisterHazardSiteDecision.Decide(command, Guid.NewGuid(), scope, HazardGeometry.Of(command.Location, command.Line).Value!, place, taken);

    [Fact]
    public void Given_a_point_in_a_township_when_the_bureau_registers_then_the_site_lies_in_that_jurisdiction()
    {
        var registered = Decide(Command(), Bureau, new SitePlace(Xinzhi, null)).Value!;

        Assert.Equal((Xinzhi.Id, RiskLevel.Orange, "霍州煤电集团"), (registered.JurisdictionId, registered.RiskLevel, registered.Enterprise));
        Assert.Equal([IncidentKind.MineFlooding], registered.IncidentKinds);
        Assert.Null(registered.Line);
    }

    [Fact]
    public void Given_a_line_when_registering_then_its_representative_point_is_its_middle_along_the_line()
    {
        var line = new[] { new GeoPoint(36.57, 111.70), new GeoPoint(36.55, 111.70), new GeoPoint(36.53, 111.70) };

        var registered = Decide(Command("汾河测试段", line: line), Bureau, new SitePlace(Xinzhi, null)).Value!;

        Assert.Equal(new GeoPoint(36.55, 111.70), registered.Location);
        Assert.Equal(3, registered.Line!.Count);
    }

    [Fact]
    public void Given_a_point_outside_the_county_when_registering_then_the_location_is_refused() =>
        Assert.Equal((ErrorCodes.Validation, "location"), Fields(ErrorOf(Decide(Command(), Bureau, new SitePlace(null, null)))));

    [Fact]
    public void Given_a_line_leaving_the_county_when_registering_then_the_geometry_is_refused()
    {
        var line = new[] { new GeoPoint(36.57, 111.70), new GeoPoint(37.50, 111.70) };

        Assert.Equal((ErrorCodes.Validation, "geometry"), Fields(ErrorOf(Decide(Command(line: line), Bureau, new SitePlace(null, line[1])))));
    }

    [Theory]
    [InlineData(91, 111.7, "location")]
    [InlineData(36.5, 181, "location")]
    public void Given_a_point_off_the_globe_when_shaping_then_it_is_refused(double lat, double lon, string field) =>
        Assert.Equal((ErrorCodes.Validation, field), Fields(ErrorOf(HazardGeometry.Of(new GeoPoint(lat, lon), null))));

    [Fact]
    public void Given_a_line_of_one_repeated_position_when_shaping_then_the_geometry_is_refused() =>
        Assert.Equal((ErrorCodes.Validation, "geometry"),
            Fields(ErrorOf(HazardGeometry.Of(null, [new GeoPoint(36.5, 111.7), new GeoPoint(36.5, 111.7)]))));

    [Fact]
    public void Given_neither_point_nor_line_when_shaping_then_the_location_is_required() =>
        Assert.Equal((ErrorCodes.Validation, "location"), Fields(ErrorOf(HazardGeometry.Of(null, null))));

    [Fact]
    public void Given_a_blank_name_and_a_bad_phone_when_registering_then_both_fields_are_named()
    {
        var command = Command(" ") with { Responsible = new SiteContact("矿长", "甲", "call me") };

        var errors = Decide(command, Bureau, new SitePlace(Xinzhi, null)).Errors.Select(e => e.Field).ToList();

        Assert.Equal(["name", "responsible.phone"], errors);
    }

    [Fact]
    public void Given_a_name_already_in_the_ledger_when_registering_then_it_is_a_conflict_on_the_name() =>
        Assert.Equal((ErrorCodes.Conflict, "name"), Fields(ErrorOf(Decide(Command(), Bureau, new SitePlace(Xinzhi, null), taken: true))));

    [Fact]
    public void Given_a_township_when_it_registers_in_its_own_jurisdiction_then_it_may_and_elsewhere_it_may_not()
    {
        Assert.True(Decide(Command(), XinzhiTownship, new SitePlace(Xinzhi, null)).Succeeded);
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(Decide(Command(), XinzhiTownship, new SitePlace(Baitlong, null))).Code);
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(Decide(Command(), OtherPartner, new SitePlace(Xinzhi, null))).Code);
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(Decide(Command(), Logistics, new SitePlace(Xinzhi, null))).Code);
    }

    private static (string, string?) Fields(DomainError error) => (error.Code, error.Field);
}
