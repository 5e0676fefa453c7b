using Muster.Infrastructure;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.Registering;
using static Muster.Tests.Depots.Given;

namespace Muster.Tests.Units;

public sealed class RegisterUnitTests
{
    private static readonly Guid NewId = Guid.CreateVersion7();

    [Fact]
    public void Given_good_input_when_registering_then_the_unit_is_registered_with_its_name_trimmed_and_its_tags_in_normal_form()
    {
        var registered = RegisterUnitDecision.Decide(
            Command() with { Name = "  霍州消防救援大队 一中队 ", Capabilities = ["Fire", " water-rescue ", "fire"] }, NewId, Logistics, agencyExists: true).Value!;

        Assert.Equal(
            (NewId, "霍州消防救援大队 一中队", UnitKind.FireEngine, NimsType.II, 6, new GeoPoint(36.57, 111.72), OwnAgency),
            (registered.UnitId, registered.Name, registered.Kind, registered.Type, registered.CrewSize, registered.HomeStation, registered.AgencyId));
        Assert.Equal(["fire", "water-rescue"], registered.Capabilities);
    }

    [Fact]
    public void Given_a_partner_of_its_own_agency_when_registering_then_it_is_allowed() =>
        Assert.True(RegisterUnitDecision.Decide(Command(), NewId, Partner, agencyExists: true).Succeeded);

    [Fact]
    public void Given_a_partner_of_another_agency_when_registering_then_it_is_forbidden() =>
        Assert.Equal((ErrorCodes.Forbidden, "agencyId"), ErrorOf(RegisterUnitDecision.Decide(Command(), NewId, OtherPartner, agencyExists: true)));

    [Fact]
    public void Given_an_unknown_agency_when_registering_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "agencyId"), ErrorOf(RegisterUnitDecision.Decide(Command(), NewId, Admin, agencyExists: false)));

    public static TheoryData<RegisterUnit, string> BadInput() => new()
    {
        { Command() with { Name = "  " }, "name" },
        { Command() with { Name = new string('x', 201) }, "name" },
        { Command() with { CrewSize = 0 }, "crewSize" },
        { Command() with { CrewSize = RegisterUnitDecision.MaxCrew + 1 }, "crewSize" },
        { Command() with { HomeStation = new GeoPoint(123, 111.72) }, "location" },
        { Command() with { HomeStation = new GeoPoint(36.57, double.NaN) }, "location" },
        { Command() with { Capabilities = ["water rescue"] }, "capabilities" },
        { Command() with { Capabilities = Enumerable.Range(0, Tags.MaxTags + 1).Select(i => $"tag-{i}").ToList() }, "capabilities" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Given_bad_input_when_registering_then_it_is_a_validation_error_on_that_field(RegisterUnit command, string field) =>
        Assert.Equal((ErrorCodes.Validation, field), ErrorOf(RegisterUnitDecision.Decide(command, NewId, Admin, agencyExists: true)));

    private static RegisterUnit Command() =>
        new("霍州消防救援大队 一中队", UnitKind.FireEngine, NimsType.II, ["fire"], 6, new GeoPoint(36.57, 111.72), OwnAgency);
}
