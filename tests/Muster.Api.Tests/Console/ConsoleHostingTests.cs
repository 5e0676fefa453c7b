using System.Net;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Console;

/// <summary>The console's pages and its development sign-in, as a browser meets them.</summary>
public sealed class ConsoleHostingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task The_root_leads_to_the_console_and_every_console_route_is_the_app()
    {
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var root = await client.GetAsync("/");
        var bare = await client.GetAsync("/console");
        var route = await client.GetAsync("/console/map/incident/abc");

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/console/", root.Headers.Location?.OriginalString);
        Assert.Equal("/console/", bare.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, route.StatusCode);
        Assert.Equal("text/html", route.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Outside_Development_no_role_picker_is_offered_and_its_endpoint_does_not_exist()
    {
        using var client = App.CreateClient();
        var settings = await client.GetStringAsync("/console/settings.json");
        var token = await client.PostAsync("/console/development-token", new FormUrlEncodedContent([new("role", "admin")]));

        Assert.Contains("\"developmentRoles\":[]", settings);
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
    }

    [Fact]
    public async Task The_demo_layers_need_a_token()
    {
        using var client = App.CreateClient();
        var layer = await client.GetAsync("/console/layers/hazard-sites.geojson");

        Assert.Equal(HttpStatusCode.Unauthorized, layer.StatusCode);
    }
}

/// <summary>In Development the picker is still refused to a caller that is not on the loopback address.</summary>
public sealed class DevelopmentSignInTests(DevelopmentSignInTests.Fixture fixture) : IClassFixture<DevelopmentSignInTests.Fixture>
{
    public sealed class Fixture : AppFixture
    {
        protected override string Environment => "Development";
    }

    [Fact]
    public async Task A_caller_that_is_not_on_the_loopback_address_gets_no_token_even_in_Development()
    {
        // The in-process test server gives no remote address: not loopback.
        using var client = fixture.App.CreateClient();
        var token = await client.PostAsync("/console/development-token", new FormUrlEncodedContent([new("role", "admin")]));
        var settings = await client.GetStringAsync("/console/settings.json");

        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.Contains("\"developmentRoles\":[]", settings);
    }
}
