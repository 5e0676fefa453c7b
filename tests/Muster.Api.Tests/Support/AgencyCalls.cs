using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

public static class AgencyCalls
{
    public const string Register = """
        mutation Register($input: RegisterAgencyInput!) {
          registerAgency(input: $input) {
            agency { id name kind contact headquarters { lat lon } registeredAt }
            errors { code message field }
          }
        }
        """;

    /// <summary>Registers an agency as admin and returns its global id.</summary>
    public static async Task<string> RegisterAsync(MusterApp app, string name, string kind = "FIRE_RESCUE")
    {
        var response = await app.PostAsync(Register, new { input = new { name, kind } }, app.Token("admin"));
        var payload = response.Data?["registerAgency"] ?? throw new InvalidOperationException(response.Text);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["agency"]!["id"]!.GetValue<string>();
    }

    public static JsonArray Errors(GraphQLResponse response) => response.Data!["registerAgency"]!["errors"]!.AsArray();
}
