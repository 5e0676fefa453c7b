using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Experts;
using Muster.Experts.Locating;

namespace Muster.Api.Experts;

public sealed class ExpertType : ObjectGraphType<Expert>
{
    public const string TypeName = "Expert";

    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(TypeName, "expert");

    public ExpertType()
    {
        Name = TypeName;
        Description = "An expert or a team of experts: what they know, where they are based, how to reach them, whether they can come.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Expert;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ExpertKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("specialties")
            .Description("Lower-case tags, e.g. mine-ventilation, geology, hazmat.").Resolve(c => c.Source.Specialties);
        Field<NonNullGraphType<StringGraphType>>("contact").Description("Phone number or radio channel for a call-out.").Resolve(c => c.Source.Contact);
        Field<NonNullGraphType<GeoPointType>>("location").Description("Where the expert is based.").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<AgencyType>>("agency").Resolve(c => AgencyNodeSource.Loader(c.RequestServices!).Load(c.Source.AgencyId));
        Field<NonNullGraphType<ExpertAvailabilityType>>("availability").Resolve(c => c.Source.Availability);
        Field<StringGraphType>("onCall")
            .Description("Daily on-call hours in local time, HH:mm-HH:mm (e.g. 08:00-20:00; 20:00-08:00 runs past midnight); null when there are no fixed hours.")
            .Resolve(c => c.Source.OnCall?.ToString());
        Field<NonNullGraphType<DateTimeScalar>>("registeredAt").Resolve(c => c.Source.RegisteredAt);
    }
}

public sealed class ExpertKindType : EnumerationGraphType<ExpertKind>
{
    public ExpertKindType()
    {
        Name = "ExpertKind";
        Description = "One person, or a team answering as one.";
    }
}

public sealed class ExpertAvailabilityType : EnumerationGraphType<ExpertAvailability>
{
    public ExpertAvailabilityType()
    {
        Name = "ExpertAvailability";
        Description = "Whether an expert can be called out: AVAILABLE, ENGAGED (on a call-out), OFF_DUTY.";
    }
}

public sealed class ExpertDistanceType : ObjectGraphType<ExpertDistance>
{
    public ExpertDistanceType()
    {
        Name = "ExpertDistance";
        Description = "An expert and how far they are from a point: geodesic metres and estimated seconds to get there.";
        Field<NonNullGraphType<ExpertType>>("expert").Resolve(c => c.Source.Expert);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Resolve(c => Math.Round(c.Source.DistanceMeters, 1));
        Field<NonNullGraphType<IntGraphType>>("etaSeconds").Resolve(c => c.Source.EtaSeconds);
    }
}
