using System.Globalization;
using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

public static class JurisdictionCalls
{
    /// <summary>The sketch of Huozhou's boundary the seed data carries.</summary>
    public const string CountyBoundary = """{"type":"Polygon","coordinates":[[[111.6938, 36.7093], [111.6361, 36.6955], [111.5899, 36.6689], [111.5611, 36.6343], [111.5495, 36.5939], [111.5553, 36.5535], [111.5784, 36.513], [111.613, 36.4784], [111.6476, 36.4496], [111.6823, 36.4265], [111.7169, 36.4184], [111.7515, 36.4322], [111.7977, 36.4553], [111.8497, 36.4842], [111.8901, 36.5073], [111.9189, 36.5361], [111.9339, 36.5708], [111.9247, 36.6054], [111.8924, 36.6377], [111.8497, 36.6631], [111.7977, 36.6839], [111.7458, 36.7001], [111.6938, 36.7093]]]}""";

    public const string Fields = "id name level parent { id name } agency { id name } seat { lat lon } area approximate responsiblePersons { role name phone } enterprises { id name responsiblePersons { role name phone } }";

    public const string Register = "mutation($input: RegisterJurisdictionInput!) { registerJurisdiction(input: $input) { jurisdiction { " + Fields + " } errors { code message field } } }";

    /// <summary>A square of about 2 km around a point, as GeoJSON.</summary>
    public static string Square(double lat, double lon, double half = 0.01) =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"type":"Polygon","coordinates":[[[{{lon - half}},{{lat - half}}],[{{lon + half}},{{lat - half}}],[{{lon + half}},{{lat + half}}],[{{lon - half}},{{lat + half}}],[{{lon - half}},{{lat - half}}]]]}""");

    /// <summary>Registers as admin (unless a token is given) and answers the payload.</summary>
    public static async Task<JsonNode> RegisterPayloadAsync(MusterApp app, object input, string? token = null)
    {
        var response = await app.PostAsync(Register, new { input }, token ?? app.Token("admin"));
        return response.Data?["registerJurisdiction"] ?? throw new InvalidOperationException(response.Text);
    }

    public static async Task<string> RegisterAsync(MusterApp app, object input)
    {
        var payload = await RegisterPayloadAsync(app, input);
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["jurisdiction"]!["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode?> AtAsync(MusterApp app, double lat, double lon, string? token = null)
    {
        var response = await app.PostAsync("query($p: GeoPointInput!) { jurisdictionAt(point: $p) { " + Fields + " } }", new { p = new { lat, lon } }, token ?? app.Token("logistics"));
        Assert.True(response.ErrorCodes.Count == 0, response.Text);
        return response.Data!["jurisdictionAt"];
    }
}
