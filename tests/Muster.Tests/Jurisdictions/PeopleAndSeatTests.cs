using Muster.Infrastructure;
using Muster.Jurisdictions;
using Muster.Jurisdictions.Enterprises;
using Muster.Jurisdictions.MovingSeat;
using Muster.Jurisdictions.Staffing;
using Muster.Spatial;
using static Muster.Tests.Jurisdictions.Given;

namespace Muster.Tests.Jurisdictions;

public sealed class PeopleAndSeatTests
{
    private static readonly IReadOnlySet<Guid> Nothing = new HashSet<Guid>();
    private static readonly IReadOnlySet<Guid> OwnTownship = new HashSet<Guid> { BailongSeat.Id };
    private static readonly ResponsiblePerson Secretary = new("党委书记", "王某某", "0357-0000101");

    [Fact]
    public void Given_the_township_government_when_setting_its_persons_then_they_are_set_tidied()
    {
        var result = SetResponsiblePersonsDecision.Decide(BailongSeat, new SetResponsiblePersons(BailongSeat.Id, [Secretary with { Name = " 王某某 " }]), Township, OwnTownship);

        Assert.Equal(new ResponsiblePersonsSet(BailongSeat.Id, [Secretary]), result.Value, Comparer);
    }

    [Fact]
    public void Given_a_partner_of_another_jurisdiction_when_setting_persons_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "jurisdictionId"),
            ErrorOf(SetResponsiblePersonsDecision.Decide(BailongSeat, new SetResponsiblePersons(BailongSeat.Id, [Secretary]), Township, Nothing)));

    [Fact]
    public void Given_logistics_when_setting_persons_then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden,
            ErrorOf(SetResponsiblePersonsDecision.Decide(BailongSeat, new SetResponsiblePersons(BailongSeat.Id, [Secretary]), Logistics, Nothing)).Code);

    [Fact]
    public void Given_the_same_persons_when_setting_them_then_nothing_is_recorded()
    {
        var staffed = JurisdictionEvolution.Evolve(BailongSeat, new ResponsiblePersonsSet(BailongSeat.Id, [Secretary]));

        var result = SetResponsiblePersonsDecision.Decide(staffed, new SetResponsiblePersons(BailongSeat.Id, [Secretary]), Commander, Nothing);

        Assert.True(result.Succeeded);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData("", "王某某", "0357-0000101", "responsiblePersons[0].role")]
    [InlineData("党委书记", " ", "0357-0000101", "responsiblePersons[0].name")]
    [InlineData("党委书记", "王某某", "请拨打值班室", "responsiblePersons[0].phone")]
    [InlineData("党委书记", "王某\n某", "0357-0000101", "responsiblePersons[0].name")]
    public void Given_a_bad_person_when_setting_persons_then_the_field_is_named(string role, string name, string phone, string field) =>
        Assert.Equal((ErrorCodes.Validation, field),
            ErrorOf(SetResponsiblePersonsDecision.Decide(BailongSeat, new SetResponsiblePersons(BailongSeat.Id, [new ResponsiblePerson(role, name, phone)]), Admin, Nothing)));

    [Fact]
    public void Given_an_enterprise_name_already_in_the_handbook_when_registering_it_then_it_is_a_conflict_on_the_name()
    {
        var withMine = JurisdictionEvolution.Evolve(BailongSeat, new EnterpriseRegistered(BailongSeat.Id, Guid.NewGuid(), "白龙煤矿", null, []));

        Assert.Equal((ErrorCodes.Conflict, "name"),
            ErrorOf(RegisterEnterpriseDecision.Decide(withMine, new RegisterEnterprise(BailongSeat.Id, "白龙煤矿", null, []), Guid.NewGuid(), Township, OwnTownship)));
    }

    [Fact]
    public void Given_an_enterprise_outside_a_drawn_jurisdiction_when_registering_it_then_the_location_is_refused() =>
        Assert.Equal((ErrorCodes.Validation, "location"),
            ErrorOf(RegisterEnterpriseDecision.Decide(XinzhiDrawn, new RegisterEnterprise(XinzhiDrawn.Id, "白龙煤矿", new GeoPoint(36.521, 111.683), []), Guid.NewGuid(), Admin, Nothing)));

    [Fact]
    public void Given_a_seat_outside_the_county_when_moving_it_then_the_seat_is_refused() =>
        Assert.Equal((ErrorCodes.Validation, "seat"),
            ErrorOf(MoveJurisdictionSeatDecision.Decide(BailongSeat, new MoveJurisdictionSeat(BailongSeat.Id, new GeoPoint(36.2, 111.5)), Commander, County, [BailongSeat])));

    [Fact]
    public void Given_a_seat_inside_a_drawn_sibling_when_moving_it_then_the_seat_is_refused() =>
        Assert.Equal((ErrorCodes.Validation, "seat"),
            ErrorOf(MoveJurisdictionSeatDecision.Decide(BailongSeat, new MoveJurisdictionSeat(BailongSeat.Id, new GeoPoint(36.493, 111.72)), Commander, County, [BailongSeat, XinzhiDrawn])));

    [Fact]
    public void Given_a_partner_when_moving_a_seat_then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden,
            ErrorOf(MoveJurisdictionSeatDecision.Decide(BailongSeat, new MoveJurisdictionSeat(BailongSeat.Id, new GeoPoint(36.53, 111.70)), Township, County, [BailongSeat])).Code);

    private static readonly IEqualityComparer<ResponsiblePersonsSet?> Comparer = EqualityComparer<ResponsiblePersonsSet?>.Create(
        (a, b) => a?.JurisdictionId == b?.JurisdictionId && a!.Persons.SequenceEqual(b!.Persons), s => s?.JurisdictionId.GetHashCode() ?? 0);
}
