using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

public static class OgcCalls
{
    public const string Issue = """
        mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { apiKey { id name agency { id } revokedAt } secret errors { code message field } } }
        """;

    public const string Revoke = """
        mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revokedAt } errors { code message field } } }
        """;

    /// <summary>Issues a key for the agency as admin and returns (id, secret).</summary>
    public static async Task<(string Id, string Secret)> IssueAsync(MusterApp app, string agencyId, string name = "QGIS")
    {
        var response = await app.PostAsync(Issue, new { input = new { agencyId, name } }, app.Token("admin"));
        var payload = response.Data?["issueApiKey"] ?? throw new InvalidOperationException(response.Text);
        Assert.True(payload["errors"]!.AsArray().Count == 0, response.Text);
        return (payload["apiKey"]!["id"]!.GetValue<string>(), payload["secret"]!.GetValue<string>());
    }

    /// <summary>GETs an OGC API path (with an optional X-Api-Key header) and returns status and JSON.</summary>
    public static async Task<(int Status, string? ContentType, JsonNode? Json)> GetAsync(MusterApp app, string path, string? apiKey = null, string? token = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    public static List<string> Ids(JsonNode? collection) =>
        collection!["features"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToList();

    public static string? Link(JsonNode? document, string rel) =>
        document!["links"]!.AsArray().FirstOrDefault(l => l!["rel"]!.GetValue<string>() == rel)?["href"]?.GetValue<string>();
}
