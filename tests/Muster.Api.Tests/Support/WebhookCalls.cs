using System.Text.Json.Nodes;

namespace Muster.Api.Tests.Support;

public static class WebhookCalls
{
    public const string Register = """
        mutation($input: RegisterWebhookInput!) {
          registerWebhook(input: $input) {
            webhook { id url kinds incidentArea { west south east north } agency { id } registeredAt removedAt }
            secret
            errors { code message field }
          }
        }
        """;

    public const string Remove = """
        mutation($input: RemoveWebhookInput!) { removeWebhook(input: $input) { webhook { id removedAt } errors { code message field } } }
        """;

    public const string List = "query($agencyId: ID) { webhooks(agencyId: $agencyId) { id url agency { id } } }";

    public const string Deliveries = """
        query($webhookId: ID!, $status: WebhookDeliveryStatus) {
          webhookDeliveries(webhookId: $webhookId, status: $status, first: 50) {
            totalCount
            edges { node { id type status attempts createdAt nextAttemptAt lastAttemptAt lastStatus lastError deliveredAt payload } }
          }
        }
        """;

    public static object Input(string agencyId, string url, string[] kinds, object? incidentArea = null) =>
        new { input = new { agencyId, url, kinds, incidentArea } };

    /// <summary>Registers a webhook with the given token and returns its id and secret.</summary>
    public static async Task<(string Id, string Secret)> RegisterAsync(MusterApp app, string token, string agencyId, string url, string[] kinds, object? area = null)
    {
        var response = await app.PostAsync(Register, Input(agencyId, url, kinds, area), token);
        var payload = response.Data?["registerWebhook"] ?? throw new InvalidOperationException(response.Text);
        Assert.True(payload["errors"]!.AsArray().Count == 0, response.Text);
        return (payload["webhook"]!["id"]!.GetValue<string>(), payload["secret"]!.GetValue<string>());
    }

    /// <summary>The recorded deliveries of a webhook, newest first, as the given caller sees them.</summary>
    public static async Task<List<JsonNode>> DeliveriesAsync(MusterApp app, string token, string webhookId, string? status = null)
    {
        var response = await app.PostAsync(Deliveries, new { webhookId, status }, token);
        var connection = response.Data?["webhookDeliveries"] ?? throw new InvalidOperationException(response.Text);
        return connection["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
    }
}
