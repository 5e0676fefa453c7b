using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Interop;

/// <summary>Pages of the configured origins may call the API from a browser; no origin may by default.</summary>
public sealed class CorsTests(CorsTests.PartnerOriginFixture fixture) : IClassFixture<CorsTests.PartnerOriginFixture>
{
    public sealed class PartnerOriginFixture : AppFixture
    {
        protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://gis.partner.example" };
    }

    [Fact]
    public async Task A_configured_origin_passes_the_preflight_and_another_origin_does_not()
    {
        var allowed = await PreflightAsync(fixture.App, "https://gis.partner.example");
        var other = await PreflightAsync(fixture.App, "https://evil.example");

        Assert.Equal("https://gis.partner.example", allowed.Origin);
        Assert.Contains("authorization", allowed.Headers!, StringComparison.OrdinalIgnoreCase);
        Assert.Null(other.Origin);
    }

    [Fact]
    public async Task Without_configuration_no_origin_is_allowed()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new MusterApp(database);

        var preflight = await PreflightAsync(app, "https://gis.partner.example");

        Assert.Null(preflight.Origin);
    }

    private static async Task<(string? Origin, string? Headers)> PreflightAsync(MusterApp app, string origin)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var response = await client.SendAsync(request);
        return (response.Headers.TryGetValues("Access-Control-Allow-Origin", out var o) ? o.Single() : null,
            response.Headers.TryGetValues("Access-Control-Allow-Headers", out var h) ? string.Join(",", h) : null);
    }
}
