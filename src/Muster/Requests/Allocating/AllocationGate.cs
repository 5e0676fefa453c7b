namespace Muster.Requests.Allocating;

/// <summary>
/// How many allocations one instance runs at once (<see cref="RequestsOptions.AllocationConcurrency"/>); the rest
/// wait their turn in arrival order. An allocation holds its stock lines' locks until it commits: with hundreds
/// at once, the lock holder waits for CPU behind the crowd waiting for its lock (measured: 200 at once on 2 cores
/// ran past the 30 s operation time-out). Correctness does not rest on this gate (the locks and versions do, across
/// instances); it keeps the holders quick.
/// </summary>
public sealed class AllocationGate(RequestsOptions options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.AllocationConcurrency));

    public async Task<T> RunAsync<T>(Func<Task<T>> allocation, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            return await allocation();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
