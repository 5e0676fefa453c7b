using System.Net.WebSockets;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;

namespace Muster.Api.GraphQL.WebSockets;

/// <summary>
/// The one sender of a WebSocket: messages from any thread are queued and sent in order, then the close
/// frame. A client that lets too many messages pile up is dropped rather than held in memory.
/// </summary>
public sealed class MessageWriter(WebSocket socket, IGraphQLSerializer serializer, int maxPending)
{
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private int _pending;

    /// <summary>Queues a message; dropped once the connection is closing.</summary>
    public void Send(string type, string? id = null, object? payload = null)
    {
        if (Interlocked.Increment(ref _pending) > maxPending)
        {
            socket.Abort();
            _queue.Writer.TryComplete();
            return;
        }

        if (!_queue.Writer.TryWrite(new OperationMessage { Type = type, Id = id, Payload = payload }))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    /// <summary>Sends what is queued, then the close frame; later messages are dropped. The first close wins.</summary>
    public void Close(SocketClose close)
    {
        if (_queue.Writer.TryWrite(close))
        {
            _queue.Writer.TryComplete();
        }
    }

    /// <summary>Takes no more messages; what is queued is still sent.</summary>
    public void Stop() => _queue.Writer.TryComplete();

    public async Task RunAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await foreach (var item in _queue.Reader.ReadAllAsync(ct))
        {
            if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            {
                return;
            }

            if (item is SocketClose close)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)close.Code, close.Reason, ct);
                return;
            }

            buffer.SetLength(0);
            await serializer.WriteAsync(buffer, item, ct);
            await socket.SendAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), WebSocketMessageType.Text, endOfMessage: true, ct);
            Interlocked.Decrement(ref _pending);
        }
    }
}
