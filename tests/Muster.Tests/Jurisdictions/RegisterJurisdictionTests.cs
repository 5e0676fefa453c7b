using Muster.Infrastructure;
using Muster.Jurisdictions;
using Muster.Jurisdictions.Registering;
using Muster.Spatial;
using static Muster.Tests.Jurisdictions.Given;

namespace Muster.Tests.Jurisdictions;

public sealed class RegisterJurisdictionTests
{
    private static readonly Guid NewId = Guid.CreateVersion7();

    private static RegisterJurisdiction Township(string name = "大张镇") =>
        new(name, JurisdictionLevel.Township, County.Id, null, new GeoPoint(36.62, 111.76), TownshipAgency);

    private static Result<JurisdictionRegistered> Decide(RegisterJurisdiction command, Actor? actor = null, Jurisdiction? parent = null, params Jurisdiction[] siblings) =>
        RegisterJurisdictionDecision.Decide(command, NewId, actor ?? Commander, parent ?? County, siblings, agencyExists: true);

    [Fact]
    public void Given_a_county_boundary_when_registering_the_county_then_it_is_registered_with_its_boundary()
    {
        var result = RegisterJurisdictionDecision.Decide(
            new RegisterJurisdiction(" 霍州市 ", JurisdictionLevel.County, null, CountyBoundary, null, null), NewId, Admin, null, [], false);

        Assert.True(result.Succeeded);
        Assert.Equal(("霍州市", JurisdictionLevel.County, (Guid?)null), (result.Value!.Name, result.Value.Level, result.Value.ParentId));
        Assert.Contains("Polygon", result.Value.Boundary);
    }

    [Fact]
    public void Given_a_seat_inside_the_county_when_registering_a_township_then_it_is_registered_by_its_seat() =>
        Assert.Equal(
            new JurisdictionRegistered(NewId, "大张镇", JurisdictionLevel.Township, County.Id, TownshipAgency, null, new GeoPoint(36.62, 111.76)),
            Decide(Township()).Value);

    [Fact]
    public void Given_a_population_when_registering_a_township_then_it_is_recorded() =>
        Assert.Equal(32_000, Decide(Township() with { Population = 32_000 }).Value!.Population);

    [Theory]
    [InlineData(-1)]
    [InlineData(JurisdictionRules.MaxPopulation + 1)]
    public void Given_an_impossible_population_when_registering_then_the_population_is_refused(int population) =>
        Assert.Equal((ErrorCodes.Validation, "population"), ErrorOf(Decide(Township() with { Population = population })));

    [Fact]
    public void Given_logistics_or_a_partner_when_registering_then_it_is_forbidden()
    {
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(Decide(Township(), Logistics)).Code);
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(Decide(Township(), Given.Township)).Code);
    }

    [Fact]
    public void Given_a_seat_outside_the_county_when_registering_then_the_seat_is_refused() =>
        Assert.Equal((ErrorCodes.Validation, "seat"), ErrorOf(Decide(Township() with { Seat = new GeoPoint(36.2, 111.5) })));

    [Fact]
    public void Given_a_boundary_outside_its_parent_when_registering_then_the_boundary_is_refused() =>
        Assert.Equal((ErrorCodes.Validation, "boundary"), ErrorOf(Decide(Township() with { Seat = null, Boundary = Square(36.70, 111.55, 0.03) })));

    [Fact]
    public void Given_a_boundary_overlapping_a_drawn_sibling_when_registering_then_the_boundary_is_refused()
    {
        var result = Decide(Township() with { Seat = null, Boundary = Square(36.50, 111.725) }, siblings: XinzhiDrawn);

        Assert.Equal((ErrorCodes.Validation, "boundary"), ErrorOf(result));
        Assert.Contains("辛置镇", result.Errors[0].Message);
    }

    [Fact]
    public void Given_a_boundary_touching_a_drawn_sibling_along_its_border_when_registering_then_it_is_registered() =>
        Assert.True(Decide(Township() with { Seat = null, Boundary = Square(36.513, 111.72) }, siblings: XinzhiDrawn).Succeeded);

    [Fact]
    public void Given_a_boundary_covering_a_sibling_seat_when_registering_then_the_boundary_is_refused() =>
        Assert.Equal((ErrorCodes.Validation, "boundary"), ErrorOf(Decide(Township() with { Seat = null, Boundary = Square(36.529, 111.706) }, siblings: BailongSeat)));

    [Fact]
    public void Given_a_name_taken_under_the_same_parent_when_registering_then_it_is_a_conflict_on_the_name() =>
        Assert.Equal((ErrorCodes.Conflict, "name"), ErrorOf(Decide(Township("白龙镇"), siblings: BailongSeat)));

    [Fact]
    public void Given_no_parent_found_when_registering_a_township_then_the_parent_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "parentId"),
            ErrorOf(RegisterJurisdictionDecision.Decide(Township() with { ParentId = Guid.NewGuid() }, NewId, Admin, null, [], true)));

    [Fact]
    public void Given_a_township_as_parent_when_registering_a_township_then_the_level_is_refused_on_the_parent() =>
        Assert.Equal((ErrorCodes.Validation, "parentId"), ErrorOf(Decide(Township(), parent: BailongSeat with { Boundary = CountyBoundary })));

    [Fact]
    public void Given_a_county_with_a_parent_when_registering_then_the_parent_is_refused() =>
        Assert.Equal((ErrorCodes.Validation, "parentId"),
            ErrorOf(Decide(new RegisterJurisdiction("霍州市", JurisdictionLevel.County, County.Id, CountyBoundary, null, null))));

    [Fact]
    public void Given_a_county_with_a_seat_only_when_registering_then_a_boundary_is_required() =>
        Assert.Equal((ErrorCodes.Validation, "boundary"),
            ErrorOf(RegisterJurisdictionDecision.Decide(
                new RegisterJurisdiction("霍州市", JurisdictionLevel.County, null, null, new GeoPoint(36.57, 111.72), null), NewId, Admin, null, [], false)));

    [Fact]
    public void Given_an_unknown_agency_when_registering_then_the_agency_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "agencyId"),
            ErrorOf(RegisterJurisdictionDecision.Decide(Township(), NewId, Admin, County, [], agencyExists: false)));

    public static TheoryData<string, string> BadBoundaries() => new()
    {
        // a bow tie: its edges cross
        { """{"type":"Polygon","coordinates":[[[111.70,36.50],[111.72,36.52],[111.72,36.50],[111.70,36.52],[111.70,36.50]]]}""", "not a valid polygon" },
        // the ring does not come back to its start
        { """{"type":"Polygon","coordinates":[[[111.70,36.50],[111.72,36.50],[111.72,36.52],[111.70,36.52]]]}""", "not closed" },
        { """{"type":"Point","coordinates":[111.70,36.50]}""", "Polygon or MultiPolygon" },
        { """{"type":"LineString","coordinates":[[111.70,36.50],[111.72,36.50]]}""", "Polygon or MultiPolygon" },
        { """not json""", "not a GeoJSON geometry" },
        { """{"type":"Polygon","coordinates":[[[111.70,96.50],[111.72,36.50],[111.72,36.52],[111.70,96.50]]]}""", "off the globe" },
    };

    [Theory]
    [MemberData(nameof(BadBoundaries))]
    public void Given_a_bad_boundary_when_registering_then_it_is_a_validation_error_on_the_boundary_saying_why(string boundary, string why)
    {
        var result = Decide(Township() with { Seat = null, Boundary = boundary });

        Assert.Equal((ErrorCodes.Validation, "boundary"), ErrorOf(result));
        Assert.Contains(why, result.Errors[0].Message, StringComparison.Ordinal);
    }
}
