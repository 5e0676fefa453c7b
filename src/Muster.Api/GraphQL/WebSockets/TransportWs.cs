using System.Text;

namespace Muster.Api.GraphQL.WebSockets;

/// <summary>Names and close codes of the GraphQL over WebSocket protocol (graphql-ws, subprotocol graphql-transport-ws).</summary>
public static class TransportWs
{
    public const string SubProtocol = "graphql-transport-ws";

    public const string ConnectionInit = "connection_init";
    public const string ConnectionAck = "connection_ack";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";

    public static readonly SocketClose InvalidMessage = new(4400, "Invalid message received");
    public static readonly SocketClose Unauthorized = new(4401, "Unauthorized");
    public static readonly SocketClose Forbidden = new(4403, "Forbidden");

    /// <summary>A missing or invalid token at <c>connection_init</c>: 4401, which graphql-ws clients treat as fatal (4403 they retry for ~40 s).</summary>
    public static readonly SocketClose InvalidToken = new(4401, "Unauthorized: the token is missing or invalid");
    public static readonly SocketClose TokenExpired = new(4403, "Token expired");
    public static readonly SocketClose SubprotocolNotAcceptable = new(4406, "Subprotocol not acceptable");
    public static readonly SocketClose ConnectionInitTimeout = new(4408, "Connection initialisation timeout");
    public static readonly SocketClose TooManyInitialisationRequests = new(4429, "Too many initialisation requests");
    public static readonly SocketClose MessageTooBig = new(1009, "Message too big");

    public static SocketClose SubscriberAlreadyExists(string id) => new(4409, $"Subscriber for {id} already exists");

    public static SocketClose Invalid(string why) => new(4400, why);
}

/// <summary>A close code and its reason, cut to the 123 bytes a close frame can carry.</summary>
public sealed record SocketClose(int Code, string Reason)
{
    public string Reason { get; } = Fit(Reason);

    private static string Fit(string reason)
    {
        while (Encoding.UTF8.GetByteCount(reason) > 123)
        {
            reason = reason[..^1];
        }

        return reason;
    }
}
