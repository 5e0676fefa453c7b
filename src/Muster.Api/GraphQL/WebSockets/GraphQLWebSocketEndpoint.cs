using System.Net.WebSockets;

namespace Muster.Api.GraphQL.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades at /graphql for the graphql-transport-ws subprotocol. No cookie or header
/// authenticates a connection (the token comes in <c>connection_init</c>), and a browser page from an origin
/// that is not the service's own (nor configured) is refused before the upgrade.
/// </summary>
public sealed class GraphQLWebSocketEndpoint(ConnectionServices services)
{
    private static readonly TimeSpan RefusalTimeout = TimeSpan.FromSeconds(5);

    public async Task HandleAsync(HttpContext http)
    {
        if (!IsAllowedOrigin(http.Request, services.Options.Value.AllowedOrigins))
        {
            // Refused before the upgrade: a page of another site gets a plain 403 and no socket.
            services.Logger.LogInformation("WebSocket from origin {Origin} refused", http.Request.Headers.Origin.ToString());
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var requested = http.WebSockets.WebSocketRequestedProtocols;
        var speaks = requested.Contains(TransportWs.SubProtocol);
        // A handshake that agrees to none of the client's subprotocols fails in the client before any close
        // code arrives; agreeing to its first choice lets it read 4406 and the reason.
        using var socket = await http.WebSockets.AcceptWebSocketAsync(speaks ? TransportWs.SubProtocol : requested.FirstOrDefault());
        if (speaks)
        {
            await new GraphQLWebSocketConnection(socket, http, services).RunAsync();
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(RefusalTimeout);
        try
        {
            var refusal = TransportWs.SubprotocolNotAcceptable;
            await socket.CloseAsync((WebSocketCloseStatus)refusal.Code, refusal.Reason, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client did not answer the close frame; the connection is dropped.
        }
    }

    /// <summary>No Origin (not a browser), the service's own origin, or one configured in <c>AllowedOrigins</c>.</summary>
    public static bool IsAllowedOrigin(HttpRequest request, IReadOnlyCollection<string> allowed)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || allowed.Any(a => string.Equals(origin, a.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
