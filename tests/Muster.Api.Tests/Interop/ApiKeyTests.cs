using Muster.Api.Tests.Support;
using Npgsql;

namespace Muster.Api.Tests.Interop;

/// <summary>Admins issue and revoke an agency's API keys; the secret is shown once and only its hash is stored.</summary>
public sealed class ApiKeyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private MusterApp App => fixture.App;

    [Fact]
    public async Task An_issued_key_opens_the_OGC_API_until_it_is_revoked()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市消防救援大队 GIS");
        var (id, secret) = await OgcCalls.IssueAsync(App, agency);

        var before = await OgcCalls.GetAsync(App, "/ogc/collections", secret);
        var byQuery = await OgcCalls.GetAsync(App, "/ogc/conformance?api_key=" + Uri.EscapeDataString(secret));
        var revoked = await App.PostAsync(OgcCalls.Revoke, new { input = new { apiKeyId = id } }, App.Token("admin"));
        var after = await OgcCalls.GetAsync(App, "/ogc/collections", secret);
        var again = await App.PostAsync(OgcCalls.Revoke, new { input = new { apiKeyId = id } }, App.Token("admin"));

        Assert.Equal(200, before.Status);
        Assert.Equal(200, byQuery.Status);
        Assert.NotNull(revoked.Data!["revokeApiKey"]!["apiKey"]!["revokedAt"]);
        Assert.Equal(401, after.Status);
        Assert.Equal("the API key is unknown or revoked", after.Json!["description"]!.GetValue<string>());
        Assert.Equal("INVALID_STATE", again.Data!["revokeApiKey"]!["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_secret_is_stored_only_as_its_hash()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "霍州市红十字会 GIS");
        var (_, secret) = await OgcCalls.IssueAsync(App, agency);

        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select (select count(*) from muster.mt_events where data::text like '%' || @s || '%') + (select count(*) from muster.mt_doc_apikey where data::text like '%' || @s || '%')",
            connection);
        command.Parameters.AddWithValue("s", secret[3..]);
        Assert.StartsWith("mk_", secret);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Only_an_admin_issues_or_revokes_keys_and_bad_input_issues_nothing()
    {
        var agency = await AgencyCalls.RegisterAsync(App, "白龙镇人民政府 GIS", "TOWNSHIP");
        var (id, _) = await OgcCalls.IssueAsync(App, agency);

        var byPartner = await App.PostAsync(OgcCalls.Issue, new { input = new { agencyId = agency, name = "mine" } }, App.Token("partner", agency));
        var byCommander = await App.PostAsync(OgcCalls.Revoke, new { input = new { apiKeyId = id } }, App.Token("commander"));
        var blank = await App.PostAsync(OgcCalls.Issue, new { input = new { agencyId = agency, name = "  " } }, App.Token("admin"));
        var unknown = await App.PostAsync(OgcCalls.Issue, new { input = new { agencyId = id, name = "not an agency" } }, App.Token("admin"));
        var stillLive = await App.PostAsync(OgcCalls.Revoke, new { input = new { apiKeyId = id } }, App.Token("admin"));

        Assert.Equal(["FORBIDDEN"], byPartner.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], byCommander.ErrorCodes);
        Assert.Equal("VALIDATION", blank.Data!["issueApiKey"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Null(blank.Data!["issueApiKey"]!["secret"]);
        Assert.Equal("NOT_FOUND", unknown.Data!["issueApiKey"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Empty(stillLive.Data!["revokeApiKey"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task Without_a_key_or_token_or_with_a_made_up_key_the_OGC_API_answers_401()
    {
        var none = await OgcCalls.GetAsync(App, "/ogc/collections/units/items");
        var madeUp = await OgcCalls.GetAsync(App, "/ogc/collections/units/items", "mk_not-a-key");

        Assert.Equal((401, 401), (none.Status, madeUp.Status));
        Assert.Contains("X-Api-Key", none.Json!["description"]!.GetValue<string>());
    }
}
