using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Auth;
using Muster.Api.Tests.Support;
using Muster.Seeding;

namespace Muster.Api.Tests.Seeding;

/// <summary>As ./run.sh starts it: Development, the seed loaded at start-up, a partner token printed.</summary>
public sealed class DevelopmentPartnerTokenTests(DevelopmentPartnerTokenTests.SeededAtStartup fixture)
    : IClassFixture<DevelopmentPartnerTokenTests.SeededAtStartup>
{
    public sealed class SeededAtStartup : AppFixture
    {
        protected override string Environment => "Development";

        protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Seed:Path"] = SeedFolder.Path };
    }

    [Fact]
    public async Task The_partner_token_speaks_for_the_seed_Red_Cross_and_sees_its_units()
    {
        var app = fixture.App;
        await app.Services.GetRequiredService<SeedLoader>().FirstLoad.WaitAsync(TimeSpan.FromMinutes(2));
        var tokens = app.Services.GetRequiredService<DevelopmentTokens>();
        await Eventually.HoldsAsync(() => tokens.PartnerAgency != DevelopmentTokens.DemoPartnerAgency, "the partner token names the seed agency");

        var mine = await app.PostAsync("{ units { totalCount edges { node { agency { name } } } } }", null, tokens.TokenFor("partner"));

        Assert.Equal(2, mine.Data!["units"]!["totalCount"]!.GetValue<int>());
        Assert.All(mine.Data!["units"]!["edges"]!.AsArray(), e => Assert.Equal(SeedFiles.DevelopmentPartnerAgency, e!["node"]!["agency"]!["name"]!.GetValue<string>()));
    }
}
