using Muster.Agencies;
using Muster.Agencies.Registering;
using Muster.Spatial;

namespace Muster.Tests.Agencies;

public sealed class RegisterAgencyDecisionTests
{
    private static readonly Guid NewId = Guid.CreateVersion7();

    [Fact]
    public void Given_a_new_name_when_registering_then_the_agency_is_registered_with_a_trimmed_name()
    {
        var result = RegisterAgencyDecision.Decide(
            new RegisterAgency("  霍州市应急管理局 ", AgencyKind.Bureau, " 0357-5622000 ", new GeoPoint(36.57, 111.72)), NewId, nameTaken: false);

        Assert.True(result.Succeeded);
        Assert.Equal(new AgencyRegistered(NewId, "霍州市应急管理局", AgencyKind.Bureau, "0357-5622000", new GeoPoint(36.57, 111.72)), result.Value);
    }

    [Fact]
    public void Given_a_taken_name_when_registering_then_it_is_a_conflict() =>
        Assert.Equal("CONFLICT", RegisterAgencyDecision.Decide(new RegisterAgency("x", AgencyKind.Other, null, null), NewId, nameTaken: true).Errors.Single().Code);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Given_no_name_when_registering_then_it_is_a_validation_error(string name)
    {
        var error = RegisterAgencyDecision.Decide(new RegisterAgency(name, AgencyKind.Other, null, null), NewId, false).Errors.Single();

        Assert.Equal(("VALIDATION", "name"), (error.Code, error.Field));
    }

    [Fact]
    public void Given_a_name_too_long_when_registering_then_it_is_a_validation_error() =>
        Assert.Equal("VALIDATION", RegisterAgencyDecision.Decide(
            new RegisterAgency(new string('x', RegisterAgencyDecision.MaxNameLength + 1), AgencyKind.Other, null, null), NewId, false).Errors.Single().Code);

    [Fact]
    public void Given_headquarters_off_the_globe_when_registering_then_nothing_is_decided()
    {
        var result = RegisterAgencyDecision.Decide(new RegisterAgency("x", AgencyKind.Other, null, new GeoPoint(123, 111)), NewId, false);

        Assert.False(result.Succeeded);
        Assert.Equal("headquarters", result.Errors.Single().Field);
    }
}
