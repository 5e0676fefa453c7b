using Muster.Depots;
using Muster.Depots.Registering;
using Muster.Infrastructure;
using Muster.Spatial;
using static Muster.Tests.Depots.Given;

namespace Muster.Tests.Depots;

public sealed class RegisterDepotTests
{
    private static readonly Guid NewId = Guid.CreateVersion7();

    [Fact]
    public void Given_good_input_when_registering_then_the_depot_is_registered_tidied()
    {
        var result = RegisterDepotDecision.Decide(Command() with { Name = " 白龙镇储备点 ", Address = "  " }, NewId, Logistics, agencyExists: true);

        Assert.Equal(new DepotRegistered(NewId, "白龙镇储备点", null, new GeoPoint(36.6, 111.7), OwnAgency, true), result.Value);
    }

    [Fact]
    public void Given_a_partner_of_its_own_agency_when_registering_then_it_is_allowed() =>
        Assert.True(RegisterDepotDecision.Decide(Command(), NewId, Partner, agencyExists: true).Succeeded);

    [Fact]
    public void Given_a_partner_of_another_agency_when_registering_then_it_is_forbidden() =>
        Assert.Equal((ErrorCodes.Forbidden, "agencyId"), ErrorOf(RegisterDepotDecision.Decide(Command(), NewId, OtherPartner, true)));

    [Fact]
    public void Given_a_commander_when_registering_then_it_is_forbidden() =>
        Assert.Equal(ErrorCodes.Forbidden, ErrorOf(RegisterDepotDecision.Decide(Command(), NewId, Commander, true)).Code);

    [Fact]
    public void Given_an_unknown_agency_when_registering_then_it_is_not_found() =>
        Assert.Equal((ErrorCodes.NotFound, "agencyId"), ErrorOf(RegisterDepotDecision.Decide(Command(), NewId, Admin, agencyExists: false)));

    public static TheoryData<RegisterDepot, string> BadInput() => new()
    {
        { Command() with { Name = " " }, "name" },
        { Command() with { Name = new string('x', RegisterDepotDecision.MaxNameLength + 1) }, "name" },
        { Command() with { Location = new GeoPoint(123, 111.7) }, "location" },
        { Command() with { Location = new GeoPoint(36.5, 200) }, "location" },
        { Command() with { Location = new GeoPoint(double.NaN, 111.7) }, "location" },
        { Command() with { Address = new string('x', 301) }, "address" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Given_bad_input_when_registering_then_it_is_a_validation_error_on_that_field(RegisterDepot command, string field) =>
        Assert.Equal((ErrorCodes.Validation, field), ErrorOf(RegisterDepotDecision.Decide(command, NewId, Admin, true)));

    private static RegisterDepot Command() => new("白龙镇储备点", null, new GeoPoint(36.6, 111.7), OwnAgency, true);
}
