using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Auth;
using Muster.Seeding;

namespace Muster.Api.Tests.Seeding;

[Collection(SeededCity.Collection)]
public sealed class DevelopmentPartnerTokenTests(SeededCity city)
{
    [Fact]
    public async Task The_printed_partner_token_speaks_for_the_seed_Red_Cross_and_sees_its_own_units()
    {
        var app = city.App;
        var tokens = app.Services.GetRequiredService<DevelopmentTokens>();
        await Support.Eventually.HoldsAsync(() => tokens.PartnerAgency != DevelopmentTokens.DemoPartnerAgency, "the partner token names the seed agency");

        var mine = await app.PostAsync("{ units { totalCount edges { node { agency { name } } } } }", null, tokens.TokenFor("partner"));

        Assert.Equal(2, mine.Data!["units"]!["totalCount"]!.GetValue<int>());
        Assert.All(mine.Data!["units"]!["edges"]!.AsArray(), e => Assert.Equal(SeedFiles.DevelopmentPartnerAgency, e!["node"]!["agency"]!["name"]!.GetValue<string>()));
    }
}
