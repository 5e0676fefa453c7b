using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Interop;

/// <summary>A wrong enum value, as a literal or in a variable, is refused with the enum's valid values named.</summary>
public sealed class WrongEnumValueTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_wrong_enum_value_in_a_variable_names_the_valid_values_and_registers_nothing()
    {
        var events = await App.EventCountAsync();

        var response = await App.PostAsync(AgencyCalls.Register, new { input = new { name = "某医院", kind = "HOSPITAL" } }, App.Token("admin"));

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Contains("Valid values of AgencyKind: BUREAU, FIRE_RESCUE, MINE_RESCUE, MEDICAL, RED_CROSS, TOWNSHIP, ENTERPRISE, OTHER.", response.ErrorMessages.Single());
        Assert.Equal(events, await App.EventCountAsync());
    }

    [Fact]
    public async Task A_wrong_enum_literal_names_the_valid_values()
    {
        var response = await App.PostAsync("{ agencies(kind: HOSPITAL) { totalCount } }", token: App.Token("commander"));

        Assert.Equal(["VALIDATION"], response.ErrorCodes);
        Assert.Contains("Valid values of AgencyKind: BUREAU, FIRE_RESCUE", response.ErrorMessages.Single());
    }

    [Fact]
    public async Task Without_a_token_the_values_are_not_listed()
    {
        var response = await App.PostAsync("{ agencies(kind: HOSPITAL) { totalCount } }");

        Assert.DoesNotContain(response.ErrorMessages, m => m.Contains("BUREAU", StringComparison.Ordinal));
    }
}
