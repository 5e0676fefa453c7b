using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

public static class ExpertCalls
{
    public const string Register = """
        mutation($input: RegisterExpertInput!) {
          registerExpert(input: $input) {
            expert { id name kind specialties contact onCall availability location { lat lon } agency { id } }
            errors { code message field }
          }
        }
        """;

    public const string ChangeAvailability = """
        mutation($input: ChangeExpertAvailabilityInput!) {
          changeExpertAvailability(input: $input) { expert { id availability } errors { code message field } }
        }
        """;

    public const string Node = "query($id: ID!) { node(id: $id) { ... on Expert { id availability location { lat lon } } } }";

    public static object Input(string agencyId, string name, double lat, double lon, string[]? specialties = null, string kind = "PERSON", string? onCall = null) =>
        new { input = new { name, kind, specialties = specialties ?? ["geology"], contact = "13903570000", location = new { lat, lon }, agencyId, onCall } };

    /// <summary>Registers an expert as admin and returns its global id.</summary>
    public static async Task<string> RegisterAsync(MusterApp app, string agencyId, string name, double lat, double lon, string[]? specialties = null)
    {
        var response = await app.PostAsync(Register, Input(agencyId, name, lat, lon, specialties), app.Token("admin"));
        var payload = response.Data?["registerExpert"] ?? throw new InvalidOperationException(response.Text);
        Assert.True(payload["errors"]!.AsArray().Count == 0, response.Text);
        return payload["expert"]!["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> ChangeAsync(MusterApp app, string expertId, string availability, string? token = null)
    {
        var response = await app.PostAsync(ChangeAvailability, new { input = new { expertId, availability } }, token ?? app.Token("commander"));
        return response.Data?["changeExpertAvailability"] ?? throw new InvalidOperationException(response.Text);
    }

    /// <summary>
    /// Registers with the latitude written as a bare <c>NaN</c>, as Python's json.dumps does: not JSON, so the
    /// request never reaches GraphQL.
    /// </summary>
    public static async Task<GraphQLResponse> RegisterWithNaNLatitudeAsync(MusterApp app, string agencyId)
    {
        const double Placeholder = 99.125;
        var body = JsonSerializer.Serialize(new { query = Register, variables = Input(agencyId, "NaN", Placeholder, 111.7) })
            .Replace("99.125", "NaN", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return await app.SendAsync(request, app.Token("admin"));
    }

    public static string? ErrorCode(JsonNode payload) => payload["errors"]!.AsArray().FirstOrDefault()?["code"]?.GetValue<string>();
}
