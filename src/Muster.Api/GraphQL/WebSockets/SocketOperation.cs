using System.Security.Claims;
using GraphQL;
using Muster.Api.GraphQL.Transport;

namespace Muster.Api.GraphQL.WebSockets;

/// <summary>
/// One operation of a WebSocket connection, in a DI scope of its own: a query or mutation answers one
/// <c>next</c> and <c>complete</c>; a subscription forwards each result until its stream ends, the
/// client completes it, or the connection closes; a document that does not validate answers <c>error</c>.
/// </summary>
public sealed class SocketOperation(
    string id,
    GraphQLHttpRequest request,
    ClaimsPrincipal user,
    MessageWriter writer,
    Action<SocketOperation> ended) : IDisposable
{
    /// <summary>The method <see cref="Authorization.HttpMethodRule"/> sees for operations over the WebSocket.</summary>
    public const string Method = "WS";

    private readonly CancellationTokenSource _stop = new();
    private int _ended;

    public string Id => id;

    /// <summary>Ends the operation without a message: the client completed it, or the connection is going.</summary>
    public void Cancel()
    {
        if (!End())
        {
            return;
        }

        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It finished on its own meanwhile.
        }
    }

    public void Dispose() => _stop.Dispose();

    public async Task RunAsync(IDocumentExecuter<MusterSchema> executer, IServiceScopeFactory scopes)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var result = await executer.ExecuteAsync(request.ToExecutionOptions(scope.ServiceProvider, user, Method, _stop.Token));
            if (result.Streams?.Values.SingleOrDefault() is { } stream)
            {
                var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using var subscription = stream.Subscribe(new Forwarder(this, finished));
                await finished.Task.WaitAsync(_stop.Token);
            }
            else if (!result.Executed)
            {
                Finish(TransportWs.Error, result.Errors ?? []);
            }
            else
            {
                Next(result);
                Finish(TransportWs.Complete);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Cancelled: the subscription and the scope are disposed on the way out.
        }
        finally
        {
            End();
        }
    }

    private void Next(ExecutionResult result)
    {
        if (Volatile.Read(ref _ended) == 0)
        {
            writer.Send(TransportWs.Next, id, result);
        }
    }

    /// <summary>Ends the operation first, so that the client may reuse the id as soon as it reads the message.</summary>
    private void Finish(string type, object? payload = null)
    {
        if (End())
        {
            writer.Send(type, id, payload);
        }
    }

    private bool End()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return false;
        }

        ended(this);
        return true;
    }

    private sealed class Forwarder(SocketOperation operation, TaskCompletionSource finished) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => operation.Next(value);

        public void OnError(Exception error)
        {
            operation.Finish(TransportWs.Error, new[] { error as ExecutionError ?? new ExecutionError("The event stream failed.") });
            finished.TrySetResult();
        }

        public void OnCompleted()
        {
            operation.Finish(TransportWs.Complete);
            finished.TrySetResult();
        }
    }
}
