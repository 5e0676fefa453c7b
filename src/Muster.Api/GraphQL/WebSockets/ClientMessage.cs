using System.Text.Json;

namespace Muster.Api.GraphQL.WebSockets;

/// <summary>A message from the client: its type, its id (where the type has one) and its payload (a JSON object or absent).</summary>
public sealed record ClientMessage(string Type, string? Id, JsonElement? Payload)
{
    /// <summary>The message, or why it is not one; the caller closes the connection with 4400 then.</summary>
    public static (ClientMessage? Message, string? Error) Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, "Message is not valid JSON");
        }

        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return (null, "Message needs a string 'type'");
        }

        JsonElement? payload = null;
        if (root.TryGetProperty("payload", out var given) && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind != JsonValueKind.Object)
            {
                return (null, "'payload' must be an object");
            }

            payload = given;
        }

        var message = new ClientMessage(type.GetString()!, null, payload);
        if (message.Type is not (TransportWs.Subscribe or TransportWs.Complete))
        {
            return (message, null);
        }

        return root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text
            ? (message with { Id = text }, null)
            : (null, $"'{message.Type}' needs a non-empty string 'id'");
    }
}
