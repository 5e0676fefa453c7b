namespace Muster.Api.GraphQL.Loading;

/// <summary>The batch loaders of one request, by name; a scoped service so batches never cross requests.</summary>
public sealed class RequestLoaders
{
    private readonly Dictionary<string, object> _loaders = [];
    private readonly Lock _gate = new();

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(
        string name,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        lock (_gate)
        {
            if (!_loaders.TryGetValue(name, out var loader))
            {
                loader = new BatchLoader<TKey, TValue>(fetch);
                _loaders[name] = loader;
            }

            return (BatchLoader<TKey, TValue>)loader;
        }
    }
}
