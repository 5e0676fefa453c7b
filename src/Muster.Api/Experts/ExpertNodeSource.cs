using Muster.Api.GraphQL.Relay;
using Muster.Experts;

namespace Muster.Api.Experts;

public sealed class ExpertNodeSource() : AgencyOwnedNodeSource<Expert>(ExpertType.TypeName, e => e.Id, e => e.AgencyId);
