using GraphQL.DataLoader;

namespace Muster.Api.GraphQL.Loading;

/// <summary>
/// Collects the keys that a list's resolvers ask for and fetches them in one query when GraphQL.NET
/// first awaits a result (after the whole level has been resolved), instead of one query per row.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Task<TValue?>> _loaded = [];
    private List<(TKey Key, TaskCompletionSource<TValue?> Result)> _pending = [];

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_loaded.TryGetValue(key, out var task))
            {
                var result = new TaskCompletionSource<TValue?>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending.Add((key, result));
                task = result.Task;
                _loaded[key] = task;
            }

            return new Deferred(this, task);
        }
    }

    private async Task DispatchAsync(CancellationToken ct)
    {
        List<(TKey Key, TaskCompletionSource<TValue?> Result)> batch;
        lock (_gate)
        {
            batch = _pending;
            _pending = [];
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var found = await fetch(batch.Select(p => p.Key).ToList(), ct);
            foreach (var (key, result) in batch)
            {
                result.TrySetResult(found.GetValueOrDefault(key));
            }
        }
        catch (Exception error)
        {
            foreach (var (_, result) in batch)
            {
                result.TrySetException(error);
            }
        }
    }

    private sealed class Deferred(BatchLoader<TKey, TValue> loader, Task<TValue?> value) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            if (!value.IsCompleted)
            {
                await loader.DispatchAsync(cancellationToken);
            }

            return await value;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
