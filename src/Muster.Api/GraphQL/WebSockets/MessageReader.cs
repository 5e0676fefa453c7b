using System.Net.WebSockets;

namespace Muster.Api.GraphQL.WebSockets;

/// <summary>Reads whole WebSocket messages, refusing any larger than the limit before it is buffered.</summary>
public sealed class MessageReader(WebSocket socket, int maxBytes)
{
    public enum Kind { Text, Binary, Close, TooBig }

    private readonly byte[] _chunk = new byte[4096];

    public async Task<(Kind Kind, ReadOnlyMemory<byte> Bytes)> ReadAsync(CancellationToken ct)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(_chunk, ct);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return (Kind.Close, default);
            }

            if (message.Length + received.Count > maxBytes)
            {
                return (Kind.TooBig, default);
            }

            message.Write(_chunk, 0, received.Count);
            if (received.EndOfMessage)
            {
                var kind = received.MessageType == WebSocketMessageType.Text ? Kind.Text : Kind.Binary;
                return (kind, message.ToArray());
            }
        }
    }
}
