using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Units;
using Muster.Units.Locating;

namespace Muster.Api.Units;

public sealed class RescueUnitType : ObjectGraphType<RescueUnit>
{
    public const string TypeName = "RescueUnit";

    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(TypeName, "unit");

    public RescueUnitType()
    {
        Name = TypeName;
        Description = "A rescue unit: what it can do, where it is, whether it can go.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is RescueUnit;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<UnitKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<NimsTypeType>>("type").Description("NIMS resource type; I is the most capable.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("capabilities").Resolve(c => c.Source.Capabilities);
        Field<NonNullGraphType<IntGraphType>>("crewSize").Resolve(c => c.Source.CrewSize);
        Field<NonNullGraphType<GeoPointType>>("homeStation").Resolve(c => c.Source.HomeStation);
        Field<NonNullGraphType<AgencyType>>("agency").Resolve(c => AgencyNodeSource.Loader(c.RequestServices!).Load(c.Source.AgencyId));
        Field<NonNullGraphType<UnitStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<GeoPointType>>("location").Description("Last accepted position; the home station until the first AVL report.").Resolve(c => c.Source.Location);
        Field<DateTimeScalar>("positionAt").Description("Device time of the last accepted AVL report.").Resolve(c => c.Source.PositionAt);
        Field<NonNullGraphType<BooleanGraphType>>("positionStale")
            .Description("True when the last AVL report is older than the configured age (Units:StaleAfter, 30 minutes by default).")
            .Resolve(c => IsStale(c.Source, c.RequestServices!));
        Field<NonNullGraphType<DateTimeScalar>>("registeredAt").Resolve(c => c.Source.RegisteredAt);
        Field<Readiness.MovingUpType>("movingUp").Description("The post the unit is moving up to, while on its way (approveMoveUp).").Resolve(c => c.Source.MovingUp);
    }

    private static bool IsStale(RescueUnit unit, IServiceProvider services) =>
        unit.PositionAt < services.GetRequiredService<TimeProvider>().GetUtcNow() - services.GetRequiredService<UnitFinderOptions>().StaleAfter;
}

public sealed class UnitKindType : EnumerationGraphType<UnitKind>
{
    public UnitKindType() => Name = "UnitKind";
}

public sealed class UnitStatusType : EnumerationGraphType<UnitStatus>
{
    public UnitStatusType() => Name = "UnitStatus";
}

public sealed class NimsTypeType : EnumerationGraphType<NimsType>
{
    public NimsTypeType() => Name = "NimsType";
}

public sealed class UnitDistanceType : ObjectGraphType<UnitDistance>
{
    public UnitDistanceType()
    {
        Name = "UnitDistance";
        Description = "A unit and how far it is from a point: geodesic metres and estimated seconds to get there.";
        Field<NonNullGraphType<RescueUnitType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Resolve(c => Math.Round(c.Source.DistanceMeters, 1));
        Field<NonNullGraphType<IntGraphType>>("etaSeconds").Resolve(c => c.Source.EtaSeconds);
        Field<NonNullGraphType<BooleanGraphType>>("positionStale").Resolve(c => c.Source.PositionStale);
    }
}
