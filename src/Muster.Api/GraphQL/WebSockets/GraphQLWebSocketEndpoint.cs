using System.Net.WebSockets;

namespace Muster.Api.GraphQL.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades at /graphql for the graphql-transport-ws subprotocol. No cookie or header
/// authenticates a connection (the token comes in <c>connection_init</c>), so a page on another site
/// that opens one gains nothing.
/// </summary>
public sealed class GraphQLWebSocketEndpoint(ConnectionServices services)
{
    private static readonly TimeSpan RefusalTimeout = TimeSpan.FromSeconds(5);

    public async Task HandleAsync(HttpContext http)
    {
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
}
