using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Agencies;

public sealed record AgencyRegistered(Guid AgencyId, string Name, AgencyKind Kind, string? Contact, GeoPoint? Headquarters) : IEventOf<Agency>;
