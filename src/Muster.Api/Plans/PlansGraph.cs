using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;
using Muster.Plans;

namespace Muster.Api.Plans;

public static class PlansGraph
{
    public static IServiceCollection AddPlansGraph(this IServiceCollection services) =>
        services.AddSingleton<INodeSource, PlanNodeSource>();
}

/// <summary>Plans by id; every role may read them.</summary>
public sealed class PlanNodeSource : INodeSource
{
    public string TypeName => PlanType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct) =>
        (await services.GetRequiredService<IQuerySession>().LoadManyAsync<Plan>(ct, ids)).ToDictionary(p => p.Id, p => (object)p);
}
