using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;

namespace Muster.Api.GraphQL.WebSockets;

/// <summary>
/// One client's connection in the graphql-transport-ws protocol: <c>connection_init</c> with a bearer
/// token (4401 when it is missing or not valid, 4408 when it does not come in time, 4429 when it comes twice),
/// <c>ping</c>/<c>pong</c>, and operations started by <c>subscribe</c> and stopped by <c>complete</c>.
/// The connection closes with 4403 when the token expires (a client that fetches a fresh token reconnects); closing
/// ends every operation.
/// </summary>
public sealed partial class GraphQLWebSocketConnection
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(20);

    private readonly HttpContext _http;
    private readonly ConnectionServices _services;
    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly SocketOperations _operations;
    private readonly CancellationTokenSource _lifetime;
    private readonly ILogger _logger;
    private ClaimsPrincipal? _caller;
    private volatile bool _initReceived;
    private int _closing;

    public GraphQLWebSocketConnection(WebSocket socket, HttpContext http, ConnectionServices services)
    {
        var options = services.Options.Value;
        _http = http;
        _services = services;
        _logger = services.Logger;
        _reader = new MessageReader(socket, options.MaxMessageBytes);
        _writer = new MessageWriter(socket, services.Serializer, options.MaxPendingMessages);
        _operations = new SocketOperations(services, _writer);
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    }

    public async Task RunAsync()
    {
        var writing = _writer.RunAsync(_lifetime.Token);
        _ = CloseAtAsync(Now + _services.Options.Value.ConnectionInitTimeout, TransportWs.ConnectionInitTimeout, () => !_initReceived);
        try
        {
            await ReceiveAsync();
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away, or did not answer our close frame in time.
        }
        finally
        {
            Interlocked.Exchange(ref _closing, 1);
            await _operations.EndAllAsync();
            _writer.Stop();
            _lifetime.CancelAfter(CloseHandshakeTimeout); // a client that does not read would hold the writer forever
            try
            {
                await writing;
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                // Nothing more can reach this client.
            }

            await _lifetime.CancelAsync(); // ends the timers too
            _lifetime.Dispose();
        }
    }

    private async Task ReceiveAsync()
    {
        while (true)
        {
            var (kind, bytes) = await _reader.ReadAsync(_lifetime.Token);
            if (kind == MessageReader.Kind.Close)
            {
                _writer.Close(new SocketClose((int)WebSocketCloseStatus.NormalClosure, ""));
                return;
            }

            if (Volatile.Read(ref _closing) != 0)
            {
                continue; // closing: only the client's close frame matters now
            }

            switch (kind)
            {
                case MessageReader.Kind.TooBig:
                    Close(TransportWs.MessageTooBig);
                    break;
                case MessageReader.Kind.Binary:
                    Close(TransportWs.Invalid("Messages must be text (JSON)"));
                    break;
                default:
                    await HandleAsync(bytes);
                    break;
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> bytes)
    {
        var (message, error) = ClientMessage.Parse(bytes);
        switch (message?.Type)
        {
            case null:
                Close(TransportWs.Invalid(error!));
                break;
            case TransportWs.ConnectionInit:
                await InitialiseAsync(message.Payload);
                break;
            case TransportWs.Ping:
                _writer.Send(TransportWs.Pong);
                break;
            case TransportWs.Pong:
                break;
            case TransportWs.Subscribe:
                Subscribe(message.Id!, message.Payload);
                break;
            case TransportWs.Complete:
                _operations.Complete(message.Id!);
                break;
            default:
                Close(TransportWs.Invalid($"Unexpected message type '{message.Type}'"));
                break;
        }
    }

    private async Task InitialiseAsync(JsonElement? payload)
    {
        if (_initReceived)
        {
            Close(TransportWs.TooManyInitialisationRequests);
            return;
        }

        _initReceived = true;
        var caller = await _services.Authenticator.AuthenticateAsync(payload, _lifetime.Token);
        if (caller is null)
        {
            Close(TransportWs.InvalidToken);
            return;
        }

        _caller = caller.Principal;
        // Mutations over this socket record the token's subject as their actor, as they do over HTTP.
        _http.User = caller.Principal;
        _writer.Send(TransportWs.ConnectionAck);
        _ = CloseAtAsync(caller.Expires, TransportWs.TokenExpired, () => true);
    }

    private void Subscribe(string id, JsonElement? payload)
    {
        if (_caller is null)
        {
            Close(TransportWs.Unauthorized);
            return;
        }

        var (request, invalid) = payload is { } body ? _services.Requests.ReadOperation(body) : (null, "'subscribe' needs a payload");
        if (request is null)
        {
            Close(TransportWs.Invalid(invalid!));
        }
        else if (_operations.IsRunning(id))
        {
            Close(TransportWs.SubscriberAlreadyExists(id));
        }
        else
        {
            _operations.Start(id, request, _caller);
        }
    }

    /// <summary>Sends the close frame after what is queued, and waits a little for the client's.</summary>
    private void Close(SocketClose close)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        LogClosing(close.Code, close.Reason);
        _writer.Close(close);
        try
        {
            _lifetime.CancelAfter(CloseHandshakeTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The connection ended meanwhile.
        }
    }

    private DateTimeOffset Now => _services.Time.GetUtcNow();

    /// <summary>Closes at <paramref name="deadline"/> if <paramref name="stillWanted"/> then, unless the connection ended first.</summary>
    private async Task CloseAtAsync(DateTimeOffset deadline, SocketClose close, Func<bool> stillWanted)
    {
        var ended = _lifetime.Token;
        try
        {
            // A timer may wake a little before the clock reaches the deadline, and waits at most LongestTimer.
            for (var left = deadline - Now; left > TimeSpan.Zero; left = deadline - Now)
            {
                await Task.Delay(left < LongestTimer ? left : LongestTimer, _services.Time, ended);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (stillWanted())
        {
            Close(close);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing a GraphQL WebSocket: {Code} {Reason}")]
    private partial void LogClosing(int code, string reason);
}
