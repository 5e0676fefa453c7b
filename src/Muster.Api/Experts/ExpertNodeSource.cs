using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Experts;
using Muster.Infrastructure;

namespace Muster.Api.Experts;

/// <summary>Experts by id; a partner sees only its own agency's.</summary>
public sealed class ExpertNodeSource : INodeSource
{
    public string TypeName => ExpertType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        var experts = await services.GetRequiredService<IQuerySession>().LoadManyAsync<Expert>(ct, ids);
        return experts.Where(e => Visibility.MaySee(viewer, e.AgencyId)).ToDictionary(e => e.Id, e => (object)e);
    }
}
