using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;
using Muster.Units;

namespace Muster.Api.Units;

/// <summary>Units by id; a partner sees only its own agency's.</summary>
public sealed class UnitNodeSource : INodeSource
{
    public string TypeName => RescueUnitType.TypeName;

    public async Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        IReadOnlyCollection<Guid> ids, Actor viewer, IServiceProvider services, CancellationToken ct)
    {
        var units = await services.GetRequiredService<IQuerySession>().LoadManyAsync<RescueUnit>(ct, ids);
        return units.Where(u => Visibility.MaySee(viewer, u.AgencyId)).ToDictionary(u => u.Id, u => (object)u);
    }
}
