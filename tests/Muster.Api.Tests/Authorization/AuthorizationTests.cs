using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Authorization;

/// <summary>Roles and tokens on every path: fields, mutations, fragments, introspection.</summary>
public sealed class AuthorizationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Trail = "{ auditTrail { totalCount } }";

    private MusterApp App => fixture.App;

    [Fact]
    public async Task A_commander_field_is_answered_for_a_commander()
    {
        var response = await App.PostAsync(Trail, token: App.Token("commander"));

        Assert.Empty(response.ErrorCodes);
        Assert.NotNull(response.Data!["auditTrail"]!["totalCount"]);
    }

    [Fact]
    public async Task A_document_an_admin_ran_before_is_still_FORBIDDEN_for_a_partner()
    {
        // The same text: the second request finds the document parsed and validated already.
        var admin = await App.PostAsync(Trail, token: App.Token("admin"));
        var partner = await App.PostAsync(Trail, token: App.Token("partner", Guid.NewGuid()));

        Assert.Empty(admin.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], partner.ErrorCodes);
        Assert.Null(partner.Data);
    }

    [Fact]
    public async Task A_commander_field_is_FORBIDDEN_for_a_partner()
    {
        var response = await App.PostAsync(Trail, token: App.Token("partner", Guid.NewGuid()));

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task A_commander_field_is_UNAUTHENTICATED_without_a_token()
    {
        var response = await App.PostAsync(Trail, accept: "application/graphql-response+json");

        Assert.Equal(401, response.Status);
        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_fragment_does_not_get_around_the_role_check()
    {
        var response = await App.PostAsync(
            "query { ...T } fragment T on Query { auditTrail { totalCount } }", token: App.Token("logistics"));

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var forged = new Auth.TokenIssuer(
            new Auth.AuthOptions { SigningKey = "another-key-another-key-another-key-0123" }, TimeProvider.System)
            .Issue("mallory", "admin", null, TimeSpan.FromHours(1));

        var response = await App.PostAsync("{ viewer { role } }", token: forged);

        Assert.Equal(401, response.Status);
        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var issuer = new Auth.TokenIssuer(
            new Auth.AuthOptions { SigningKey = MusterApp.SigningKey },
            new ShiftedTime(TimeSpan.FromHours(-3)));
        var expired = issuer.Issue("late", "admin", null, TimeSpan.FromHours(1));

        var response = await App.PostAsync("{ viewer { role } }", token: expired);

        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_token_without_a_known_role_is_FORBIDDEN()
    {
        var response = await App.PostAsync("{ viewer { role } }", token: App.Token("superuser"));

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
    }

    [Fact]
    public async Task An_admin_mutation_is_FORBIDDEN_for_a_commander_and_changes_nothing()
    {
        var response = await App.PostAsync(
            AgencyCalls.Register, new { input = new { name = "Not by a commander", kind = "OTHER" } }, App.Token("commander"));
        var list = await App.PostAsync("{ agencies { edges { node { name } } } }", token: App.Token("admin"));

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.DoesNotContain("Not by a commander", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspection_needs_a_token_outside_development()
    {
        var anonymous = await App.PostAsync("{ __schema { queryType { name } } }");
        var authenticated = await App.PostAsync("{ __schema { queryType { name } } }", token: App.Token("partner", Guid.NewGuid()));

        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal("Query", authenticated.Data!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}

/// <summary>In Development a person exploring the API may introspect without a token.</summary>
public sealed class DevelopmentIntrospectionTests(DevelopmentIntrospectionTests.DevelopmentApp fixture)
    : IClassFixture<DevelopmentIntrospectionTests.DevelopmentApp>
{
    public sealed class DevelopmentApp : AppFixture
    {
        protected override string Environment => "Development";
    }

    [Fact]
    public async Task Introspection_is_open_in_development()
    {
        var response = await fixture.App.PostAsync("{ __schema { queryType { name } } }");

        Assert.Empty(response.ErrorCodes);
        Assert.Equal("Query", response.Data!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    // The IDE's ready token goes only to a browser on this machine while the service listens on loopback:
    // Exposure/DevelopmentExposureTests (a test server's caller has no address, so it gets none).
    [Fact]
    public async Task The_ide_page_offers_no_token_to_a_caller_whose_address_is_unknown()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");

        var response = await fixture.App.SendAsync(request, accept: "text/html");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/html", response.ContentType);
        Assert.Contains("\"token\":\"\"", response.Text, StringComparison.Ordinal);
    }
}
