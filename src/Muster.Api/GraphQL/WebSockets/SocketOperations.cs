using System.Collections.Concurrent;
using System.Security.Claims;
using GraphQL;
using Muster.Api.GraphQL.Transport;

namespace Muster.Api.GraphQL.WebSockets;

/// <summary>
/// The running operations of one connection, by id: a bounded number at once, each id unique while its
/// operation runs; all of them ended, and their scopes disposed, when the connection ends.
/// </summary>
public sealed partial class SocketOperations(ConnectionServices services, MessageWriter writer)
{
    private readonly ConcurrentDictionary<string, SocketOperation> _byId = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly ILogger _logger = services.Logger;

    public bool IsRunning(string id) => _byId.ContainsKey(id);

    /// <summary>Starts the operation, or answers <c>error</c> when the connection runs as many as it may.</summary>
    public void Start(string id, GraphQLHttpRequest request, ClaimsPrincipal caller)
    {
        var max = services.Options.Value.MaxOperations;
        if (_byId.Count >= max)
        {
            writer.Send(TransportWs.Error, id, new[]
            {
                new ExecutionError($"At most {max} operations may run at once on one connection.") { Code = "TOO_MANY_OPERATIONS" },
            });
            return;
        }

        var operation = new SocketOperation(id, request, caller, writer, ended => _byId.TryRemove(KeyValuePair.Create(ended.Id, ended)));
        _byId[id] = operation;
        var running = RunAsync(operation);
        _running[running] = true;
        _ = running.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>The client's <c>complete</c>: ends the operation if it still runs; ignored otherwise.</summary>
    public void Complete(string id)
    {
        if (_byId.TryGetValue(id, out var operation))
        {
            operation.Cancel();
        }
    }

    public async Task EndAllAsync()
    {
        foreach (var operation in _byId.Values)
        {
            operation.Cancel();
        }

        await Task.WhenAll(_running.Keys);
    }

    private async Task RunAsync(SocketOperation operation)
    {
        await Task.Yield(); // the connection goes on reading messages while the operation executes
        using var disposing = operation;
        try
        {
            await operation.RunAsync(services.Executer, services.Scopes);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e, operation.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket operation {Id} failed")]
    private partial void LogFailed(Exception error, string id);
}
