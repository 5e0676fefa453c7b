using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Depots;
using Muster.Depots.Locating;

namespace Muster.Api.Depots;

public sealed class DepotType : ObjectGraphType<Depot>
{
    public const string TypeName = "Depot";

    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(TypeName, "depot");

    public DepotType()
    {
        Name = TypeName;
        Description = "A supply depot (物资储备库): where it is, whose it is, and whether it is in the city's shared pool.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Depot;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("address").Resolve(c => c.Source.Address);
        Field<NonNullGraphType<GeoPointType>>("location").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<AgencyType>>("agency").Resolve(c => AgencyNodeSource.Loader(c.RequestServices!).Load(c.Source.AgencyId));
        Field<NonNullGraphType<BooleanGraphType>>("shared")
            .Description("True while the depot is pledged to the shared pool (物资共用): partners of every agency may see it.")
            .Resolve(c => c.Source.Shared);
        Field<NonNullGraphType<BooleanGraphType>>("closed").Description("A closed depot stays on record but takes part in nothing.").Resolve(c => c.Source.Closed);
        Field<NonNullGraphType<DateTimeScalar>>("registeredAt").Resolve(c => c.Source.RegisteredAt);
    }
}

public sealed class DepotDistanceType : ObjectGraphType<DepotDistance>
{
    public DepotDistanceType()
    {
        Name = "DepotDistance";
        Description = "A depot and its geodesic distance in metres from a point.";
        Field<NonNullGraphType<DepotType>>("depot").Resolve(c => c.Source.Depot);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Resolve(c => Math.Round(c.Source.DistanceMeters, 1));
    }
}
