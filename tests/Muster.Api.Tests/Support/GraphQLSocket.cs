using Muster.Infrastructure.Changes;
using Microsoft.Extensions.DependencyInjection;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Muster.Api.Tests.Support;

/// <summary>
/// A graphql-transport-ws client over the test server's in-memory WebSocket: a background loop collects
/// the server's messages and its close frame, and every wait is bounded.
/// </summary>
public sealed class GraphQLSocket : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;
    private readonly Channel<JsonNode> _messages = Channel.CreateUnbounded<JsonNode>();
    private readonly TaskCompletionSource<(WebSocketCloseStatus? Status, string? Reason)> _closed = new();
    private readonly Task _receiving;

    private GraphQLSocket(WebSocket socket)
    {
        _socket = socket;
        _receiving = PumpAsync();
    }

    /// <summary>Opens a socket (to /graphql, or another path such as a drill's endpoint); with a token, also sends connection_init and waits for connection_ack.</summary>
    public static async Task<GraphQLSocket> ConnectAsync(MusterApp app, string? token, string path = "/graphql")
    {
        var client = app.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        var socket = new GraphQLSocket(await client.ConnectAsync(new Uri("ws://localhost" + path), CancellationToken.None));
        if (token is not null)
        {
            await socket.SendAsync(new { type = "connection_init", payload = new { token } });
            Assert.Equal("connection_ack", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
        }

        return socket;
    }

    /// <summary>
    /// Connects and subscribes once the earlier subscriptions to <paramref name="app"/>'s change feed have
    /// ended (a socket closed by the previous test may still be unsubscribing, which would hide this one in a
    /// count), and returns when this subscription listens.
    /// </summary>
    public static async Task<GraphQLSocket> SubscribeListeningAsync(MusterApp app, string token, string id, string query)
    {
        var feed = app.Services.GetRequiredService<ChangeFeed>();
        await Eventually.HoldsAsync(() => feed.SubscriberCount == 0, "earlier subscriptions have ended");
        var socket = await ConnectAsync(app, token);
        await socket.SubscribeAsync(id, query);
        await Eventually.HoldsAsync(() => feed.SubscriberCount > 0, "the subscription listens to the change feed");
        return socket;
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next message from the server; fails the test when none comes in time.</summary>
    public async Task<JsonNode> ReceiveAsync(TimeSpan? within = null) =>
        await TryReceiveAsync(within ?? Wait) ?? throw new TimeoutException($"no message within {within ?? Wait}");

    /// <summary>The next message, or null when none comes within <paramref name="within"/>.</summary>
    public async Task<JsonNode?> TryReceiveAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>The server's close frame: its code and reason.</summary>
    public Task<(WebSocketCloseStatus? Status, string? Reason)> ClosedAsync() => _closed.Task.WaitAsync(Wait);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(Wait);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
        }

        await _receiving.WaitAsync(Wait);
        _socket.Dispose();
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    _closed.TrySetResult((received.CloseStatus, received.CloseStatusDescription));
                    return;
                }

                _messages.Writer.TryWrite(JsonNode.Parse(message.ToArray())!);
            }
        }
        catch (WebSocketException)
        {
            _closed.TrySetResult((null, null));
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }
}
