using Muster.Api.GraphQL.Relay;
using Muster.Units;

namespace Muster.Api.Units;

public sealed class UnitNodeSource() : AgencyOwnedNodeSource<RescueUnit>(RescueUnitType.TypeName, u => u.Id, u => u.AgencyId);
