using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;
using Muster.Requests;

namespace Muster.Api.Requests;

/// <summary>Requests by id, through <see cref="RequestRules.MaySee"/>: a partner gets its own agency's only.</summary>
public sealed class SupplyRequestNodeSource : INodeSource
{
    public string TypeName => SupplyRequestType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        var requests = await services.GetRequiredService<IQuerySession>().LoadManyAsync<SupplyRequest>(ct, ids);
        return requests.Where(r => RequestRules.MaySee(viewer, r)).ToDictionary(r => r.Id, r => (object)r);
    }
}

public static class RequestsGraph
{
    public static IServiceCollection AddRequestsGraph(this IServiceCollection services) =>
        services.AddSingleton<INodeSource, SupplyRequestNodeSource>();
}
