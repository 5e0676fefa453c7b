namespace Muster.Infrastructure.Idempotency;

/// <summary>
/// The request being served under an <c>Idempotency-Key</c>: whose key it is (the token's subject), the key, and the
/// hash of the request's body. Ambient for the request's flow, so that every save the request makes records the key
/// in its own transaction (see <see cref="IdempotencyKeyRecorder"/>).
/// </summary>
public sealed record IdempotentRequest(string Caller, string Key, string BodyHash)
{
    private static readonly AsyncLocal<IdempotentRequest?> Ambient = new();

    public static IdempotentRequest? Current => Ambient.Value;

    /// <summary>Makes <paramref name="request"/> the current one until the returned scope is disposed.</summary>
    public static IDisposable Begin(IdempotentRequest request)
    {
        var previous = Ambient.Value;
        Ambient.Value = request;
        return new Restore(previous);
    }

    private sealed class Restore(IdempotentRequest? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
