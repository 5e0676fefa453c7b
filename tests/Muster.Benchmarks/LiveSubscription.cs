using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Muster.Benchmarks;

/// <summary>
/// One console's live connection: a graphql-transport-ws socket to /graphql holding one subscription open, counting
/// the changes it is sent. An <c>error</c> message, a <c>complete</c> the client did not ask for, or the socket
/// closing or failing before the client closes it, each counts as an error.
/// </summary>
public sealed class LiveSubscription : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket = new();
    private Task _receiving = Task.CompletedTask;
    private long _changes;
    private long _errors;
    private volatile bool _closing;

    private LiveSubscription(string name) => Name = name;

    public string Name { get; }

    public long Changes => Interlocked.Read(ref _changes);

    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Connects, initialises with the token, waits for the ack and subscribes.</summary>
    public static async Task<LiveSubscription> OpenAsync(Uri service, string token, string name, string query)
    {
        var live = new LiveSubscription(name);
        live._socket.Options.AddSubProtocol("graphql-transport-ws");
        using var timeout = new CancellationTokenSource(Wait);
        await live._socket.ConnectAsync(new UriBuilder(service) { Scheme = "ws", Path = "/graphql" }.Uri, timeout.Token);
        await live.SendAsync(new { type = "connection_init", payload = new { token } });
        var ack = await live.ReceiveAsync(new byte[4096], timeout.Token);
        if (ack is not { Type: "connection_ack" })
        {
            throw new InvalidOperationException($"{name}: no connection_ack but {ack?.Text ?? "a closed socket"}");
        }

        await live.SendAsync(new { id = "1", type = "subscribe", payload = new { query } });
        live._receiving = live.PumpAsync();
        return live;
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
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
            while (await ReceiveAsync(buffer, CancellationToken.None) is { } message)
            {
                switch (message.Type)
                {
                    case "next":
                        Interlocked.Increment(ref _changes);
                        break;
                    case "ping":
                        await SendAsync(new { type = "pong" });
                        break;
                    case "pong":
                        break;
                    default:
                        Fail(message.Text);
                        break;
                }
            }

            if (!_closing)
            {
                Fail($"closed by the service: {_socket.CloseStatus} {_socket.CloseStatusDescription}");
            }
        }
        catch (WebSocketException e) when (!_closing)
        {
            Fail(e.Message);
        }
        catch (WebSocketException)
        {
            // Closing: the service may drop the connection before its close frame.
        }
    }

    /// <summary>The next whole message and its type, or null when the socket closed.</summary>
    private async Task<(string Type, string Text)?> ReceiveAsync(byte[] buffer, CancellationToken ct)
    {
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer, ct);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        if (received.MessageType == WebSocketMessageType.Close)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
        using var json = JsonDocument.Parse(text);
        return (json.RootElement.GetProperty("type").GetString() ?? "", text);
    }

    private Task SendAsync(object message) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private void Fail(string what)
    {
        if (Interlocked.Increment(ref _errors) <= 3)
        {
            Console.Error.WriteLine($"  subscription {Name}: {(what.Length > 400 ? what[..400] + "…" : what)}");
        }
    }
}
