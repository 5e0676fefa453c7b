using GraphQL.DataLoader;

namespace Muster.Api.GraphQL.Loading;

public static class LoadedResults
{
    /// <summary>A loaded value, mapped once it arrives; the load stays deferred, so batching is kept.</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> loaded, Func<T, TResult> map) =>
        new Mapped<T, TResult>(loaded, map);

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> loaded, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await loaded.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}

/// <summary>Several deferred loads as one list, in order; loads that found nothing are left out.</summary>
public sealed class AllLoaded<T>(IReadOnlyList<IDataLoaderResult<T?>> loads) : IDataLoaderResult<List<T>>
    where T : class
{
    public async Task<List<T>> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var found = new List<T>();
        foreach (var load in loads)
        {
            if (await load.GetResultAsync(cancellationToken) is { } value)
            {
                found.Add(value);
            }
        }

        return found;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}
