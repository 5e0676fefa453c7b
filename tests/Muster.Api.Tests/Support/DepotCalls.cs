using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

public static class DepotCalls
{
    private const string Fields = "depot { id name address location { lat lon } agency { id } shared closed registeredAt } errors { code message field }";

    public const string Register = $$"""mutation($input: RegisterDepotInput!) { registerDepot(input: $input) { {{Fields}} } }""";
    public const string Relocate = $$"""mutation($input: RelocateDepotInput!) { relocateDepot(input: $input) { {{Fields}} } }""";
    public const string Pledge = $$"""mutation($input: PledgeDepotInput!) { pledgeDepot(input: $input) { {{Fields}} } }""";
    public const string Withdraw = $$"""mutation($input: WithdrawDepotInput!) { withdrawDepot(input: $input) { {{Fields}} } }""";
    public const string Close = $$"""mutation($input: CloseDepotInput!) { closeDepot(input: $input) { {{Fields}} } }""";

    public const string Node = "query($id: ID!) { node(id: $id) { ... on Depot { id name shared closed location { lat lon } } } }";

    public static object Input(string agencyId, string name, double lat, double lon, bool shared = false, string? address = null) =>
        new { input = new { name, location = new { lat, lon }, agencyId, shared, address } };

    /// <summary>Registers a depot as logistics staff and returns its global id.</summary>
    public static async Task<string> RegisterAsync(MusterApp app, string agencyId, string name, double lat, double lon, bool shared = false)
    {
        var response = await app.PostAsync(Register, Input(agencyId, name, lat, lon, shared), app.Token("logistics"));
        var payload = response.Data?["registerDepot"] ?? throw new InvalidOperationException(response.Text);
        Assert.True(payload["errors"]!.AsArray().Count == 0, response.Text);
        return payload["depot"]!["id"]!.GetValue<string>();
    }

    /// <summary>Calls one of the mutations on an existing depot and returns its payload.</summary>
    public static async Task<JsonNode> ChangeAsync(MusterApp app, string mutation, object input, string token)
    {
        var response = await app.PostAsync(mutation, new { input }, token);
        return response.Data?.AsObject().Single().Value ?? throw new InvalidOperationException(response.Text);
    }

    public static string? ErrorCode(JsonNode payload) => payload["errors"]!.AsArray().FirstOrDefault()?["code"]?.GetValue<string>();
}
