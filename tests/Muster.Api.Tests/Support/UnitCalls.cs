using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

public static class UnitCalls
{
    public const string Register = """
        mutation($input: RegisterUnitInput!) {
          registerUnit(input: $input) { unit { id name status capabilities location { lat lon } } errors { code message field } }
        }
        """;

    public const string ChangeStatus = """
        mutation($input: ChangeUnitStatusInput!) {
          changeUnitStatus(input: $input) { unit { id status } errors { code message field } }
        }
        """;

    public const string ReportPosition = """
        mutation($input: ReportUnitPositionInput!) {
          reportUnitPosition(input: $input) { unit { id location { lat lon } positionAt positionStale } errors { code message field } }
        }
        """;

    public static object Input(string agencyId, string name, double lat, double lon, string kind = "FIRE_ENGINE", string[]? capabilities = null) =>
        new { input = new { name, kind, type = "II", capabilities = capabilities ?? ["fire"], crewSize = 6, location = new { lat, lon }, agencyId } };

    /// <summary>Registers a unit as admin and returns its global id.</summary>
    public static async Task<string> RegisterAsync(MusterApp app, string agencyId, string name, double lat, double lon,
        string kind = "FIRE_ENGINE", string[]? capabilities = null)
    {
        var response = await app.PostAsync(Register, Input(agencyId, name, lat, lon, kind, capabilities), app.Token("admin"));
        var payload = response.Data?["registerUnit"] ?? throw new InvalidOperationException(response.Text);
        Assert.True(payload["errors"]!.AsArray().Count == 0, response.Text);
        return payload["unit"]!["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> ReportAsync(MusterApp app, string unitId, double lat, double lon, DateTimeOffset at, string? token = null)
    {
        var response = await app.PostAsync(ReportPosition,
            new { input = new { unitId, location = new { lat, lon }, at = at.ToString("O") } }, token ?? app.Token("admin"));
        return response.Data?["reportUnitPosition"] ?? throw new InvalidOperationException(response.Text);
    }

    public static string? ErrorCode(JsonNode payload) => payload["errors"]!.AsArray().FirstOrDefault()?["code"]?.GetValue<string>();
}
