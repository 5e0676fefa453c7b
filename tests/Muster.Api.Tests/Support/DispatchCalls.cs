using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

public static class DispatchCalls
{
    public const string DefinePlan = """
        mutation($input: DefinePlanInput!) {
          definePlan(input: $input) { plan { id incidentKind level version name nextDrillDue units { capability count } supplies { itemCode quantity } experts { specialty count } } errors { code message field } }
        }
        """;

    public const string Report = """
        mutation($input: ReportIncidentInput!) {
          reportIncident(input: $input) { incident { id kind level status title location { lat lon } } errors { code message field } }
        }
        """;

    public const string ProposalFields = """
        id status planVersion
        units { unit { id name } capability distanceMeters etaSeconds positionStale reason alternatives { unit { id } etaSeconds } }
        supplies { depot { id } itemCode quantity distanceMeters etaSeconds reason }
        experts { expert { id } specialty distanceMeters etaSeconds reason alternatives { expert { id } } }
        shortfalls { kind what quantity reason }
        """;

    public const string Propose = $$"""
        mutation($input: ProposeDispatchInput!) { proposeDispatch(input: $input) { proposal { {{ProposalFields}} } errors { code message field } } }
        """;

    public static async Task<string> DefinePlanAsync(MusterApp app, object input)
    {
        var response = await app.PostAsync(DefinePlan, new { input }, app.Token("commander"));
        var payload = response.Data?["definePlan"] ?? throw new InvalidOperationException(response.Text);
        Assert.True(payload["errors"]!.AsArray().Count == 0, response.Text);
        return payload["plan"]!["id"]!.GetValue<string>();
    }

    public static async Task<string> ReportAsync(MusterApp app, string kind, string level, double lat, double lon, string title = "某煤矿瓦斯爆炸")
    {
        var response = await app.PostAsync(Report, new { input = new { kind, level, title, location = new { lat, lon } } }, app.Token("commander"));
        var payload = response.Data?["reportIncident"] ?? throw new InvalidOperationException(response.Text);
        Assert.True(payload["errors"]!.AsArray().Count == 0, response.Text);
        return payload["incident"]!["id"]!.GetValue<string>();
    }

    /// <summary>Calls proposeDispatch as a commander (unless a token is given) and returns its payload.</summary>
    public static async Task<JsonNode> ProposeAsync(MusterApp app, string incidentId, object? requirements = null, string? token = null)
    {
        var response = await app.PostAsync(Propose, new { input = new { incidentId, requirements } }, token ?? app.Token("commander"));
        return response.Data?["proposeDispatch"] ?? throw new InvalidOperationException(response.Text);
    }

    public static string? ErrorCode(JsonNode payload) => payload["errors"]!.AsArray().FirstOrDefault()?["code"]?.GetValue<string>();
}

public static class ApproveCalls
{
    public const string Approve = """
        mutation($input: ApproveDispatchInput!) { approveDispatch(input: $input) { incident { id status } errors { code message field } } }
        """;

    public const string Close = """
        mutation($input: CloseIncidentInput!) { closeIncident(input: $input) { incident { id status closedReason } errors { code message field } } }
        """;

    public static async Task<JsonNode> ApproveAsync(MusterApp app, string proposalId, string[]? excluding = null, string? token = null)
    {
        var response = await app.PostAsync(Approve, new { input = new { proposalId, excluding } }, token ?? app.Token("commander"));
        return response.Data?["approveDispatch"] ?? throw new InvalidOperationException(response.Text);
    }

    public static async Task<JsonNode> CloseAsync(MusterApp app, string incidentId, string reason = "救援结束")
    {
        var response = await app.PostAsync(Close, new { input = new { incidentId, reason } }, app.Token("commander"));
        return response.Data?["closeIncident"] ?? throw new InvalidOperationException(response.Text);
    }

    /// <summary>The status of a unit, as a commander reads it.</summary>
    public static async Task<string> UnitStatusAsync(MusterApp app, string unitId)
    {
        var response = await app.PostAsync("query($id: ID!) { node(id: $id) { ... on RescueUnit { status } } }", new { id = unitId }, app.Token("commander"));
        return response.Data!["node"]!["status"]!.GetValue<string>();
    }
}
