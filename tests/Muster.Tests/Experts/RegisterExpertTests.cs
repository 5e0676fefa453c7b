using Muster.Experts;
using Muster.Experts.Registering;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Tests.Experts;

public sealed class RegisterExpertTests
{
    private static readonly Guid NewId = Guid.CreateVersion7();
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly Actor Admin = new("a", Role.Admin, null);

    [Fact]
    public void Given_good_input_when_registering_then_the_expert_is_registered_with_tidy_tags_and_hours()
    {
        var result = RegisterExpertDecision.Decide(Command() with { Name = " 通风专家组 ", Specialties = [" Mine-Ventilation ", "gas-drainage", "mine-ventilation"], OnCall = " 20:00 - 08:00 " }, NewId, Admin, agencyExists: true);

        var registered = result.Value!;
        Assert.Equal(["mine-ventilation", "gas-drainage"], registered.Specialties);
        Assert.Equal(
            new ExpertRegistered(NewId, "通风专家组", ExpertKind.Team, registered.Specialties, "13903570000", new GeoPoint(36.57, 111.72), Agency, new OnCallHours(20 * 60, 8 * 60)),
            registered);
    }

    [Fact]
    public void Given_a_partner_of_its_own_agency_when_registering_then_it_is_allowed() =>
        Assert.True(RegisterExpertDecision.Decide(Command(), NewId, new Actor("p", Role.Partner, Agency), true).Succeeded);

    [Fact]
    public void Given_a_partner_of_another_agency_when_registering_then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden, Error(Command(), new Actor("p", Role.Partner, Guid.NewGuid())).Code);

    [Fact]
    public void Given_an_unknown_agency_when_registering_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "agencyId"), Pair(RegisterExpertDecision.Decide(Command(), NewId, Admin, agencyExists: false).Errors.Single()));

    public static TheoryData<RegisterExpert, string> BadInput() => new()
    {
        { Command() with { Name = "  " }, "name" },
        { Command() with { Name = new string('x', RegisterExpertDecision.MaxNameLength + 1) }, "name" },
        { Command() with { Contact = "" }, "contact" },
        { Command() with { Location = new GeoPoint(123, 111.7) }, "location" },
        { Command() with { Location = new GeoPoint(double.NaN, 111.7) }, "location" },
        { Command() with { Location = new GeoPoint(36.5, 200) }, "location" },
        { Command() with { Location = new GeoPoint(36.5, double.PositiveInfinity) }, "location" },
        { Command() with { Specialties = [] }, "specialties" },
        { Command() with { Specialties = ["hazardous chemicals!"] }, "specialties" },
        { Command() with { OnCall = "daytime" }, "onCall" },
        { Command() with { OnCall = "08:00-08:00" }, "onCall" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Given_bad_input_when_registering_then_it_is_a_validation_error_on_that_field(RegisterExpert command, string field) =>
        Assert.Equal((ErrorCodes.Validation, field), Pair(Error(command, Admin)));

    private static RegisterExpert Command() =>
        new("通风专家组", ExpertKind.Team, ["mine-ventilation"], "13903570000", new GeoPoint(36.57, 111.72), Agency, null);

    private static DomainError Error(RegisterExpert command, Actor actor) =>
        RegisterExpertDecision.Decide(command, NewId, actor, agencyExists: true).Errors.Single();

    private static (string, string?) Pair(DomainError error) => (error.Code, error.Field);
}
