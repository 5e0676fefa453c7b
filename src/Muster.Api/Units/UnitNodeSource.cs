using Muster.Api.GraphQL.Relay;
using Muster.Units;

namespace Muster.Api.Units;

public sealed class UnitNodeSource() : DocumentNodeSource<RescueUnit>(RescueUnitType.TypeName, u => u.Id, UnitVisibility.MaySee);
