namespace Muster.Api.GraphQL.WebSockets;

/// <summary>The <c>GraphQL:WebSocket</c> configuration section: limits of one WebSocket connection.</summary>
public sealed class GraphQLWebSocketOptions
{
    public const string Section = "GraphQL:WebSocket";

    /// <summary>How long a client may take to send <c>connection_init</c> before the server closes with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Operations (subscriptions, queries, mutations) running at once on one connection.</summary>
    public int MaxOperations { get; set; } = 100;

    /// <summary>The largest message a client may send; a larger one closes the connection with 1009.</summary>
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>Messages waiting for a client that reads too slowly before the server drops the connection.</summary>
    public int MaxPendingMessages { get; set; } = 1000;

    /// <summary>
    /// Browser origins (<c>https://console.example.org</c>) besides the service's own that may open a WebSocket; none by
    /// default. A client that sends no Origin header (a partner's system, not a browser) is always allowed.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
