using Marten;

namespace Muster.Api.GraphQL.Loading;

public static class DocumentLoader
{
    /// <summary>
    /// The request's batch loader for Marten documents of one type by id, for fields that point at one from something
    /// the caller may already see: it applies no visibility rule of its own.
    /// </summary>
    public static BatchLoader<Guid, T> For<T>(IServiceProvider services, Func<T, Guid> idOf)
        where T : notnull
    {
        var session = services.GetRequiredService<IQuerySession>();
        return services.GetRequiredService<RequestLoaders>().Get<Guid, T>("document:" + typeof(T).FullName, async (ids, ct) =>
            (await session.LoadManyAsync<T>(ct, ids)).ToDictionary(idOf));
    }
}
