using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Incidents;
using Muster.Infrastructure;

namespace Muster.Api.Incidents;

public static class IncidentsGraph
{
    public static IServiceCollection AddIncidentsGraph(this IServiceCollection services) =>
        services.AddSingleton<INodeSource, IncidentNodeSource>();
}

/// <summary>Incidents by id. Every role may see incidents: partner agencies respond to them.</summary>
public sealed class IncidentNodeSource : INodeSource
{
    public string TypeName => IncidentType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct) =>
        (await services.GetRequiredService<IQuerySession>().LoadManyAsync<Incident>(ct, ids)).ToDictionary(i => i.Id, i => (object)i);
}
