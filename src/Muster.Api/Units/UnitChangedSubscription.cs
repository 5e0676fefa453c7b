using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.GraphQL.Subscriptions;
using Muster.Spatial;
using Muster.Units;

namespace Muster.Api.Units;

public static class UnitChangedSubscription
{
    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<RescueUnitType>>("unitChanged")
            .Description("Each unit as it is after a committed change (registered, status, position, gone stale), on any instance; a partner hears of its own agency's units only.")
            .Argument<IdGraphType>("agencyId", "Only this agency's units.")
            .Argument<CircleInputType>("within", "Only units whose position is inside this circle.")
            .ResolveStream(context =>
            {
                var agency = context.GetArgument<string?>("agencyId") is { } id ? GlobalId.Of(GlobalId.Agency, id) ?? Guid.Empty : (Guid?)null;
                var within = context.GetArgument<Circle?>("within");
                if (within is { RadiusMeters: <= 0 or > UnitSpatialQueries.MaxRadiusMeters })
                {
                    throw new ExecutionError($"within.radiusMeters must be above 0 and at most {UnitSpatialQueries.MaxRadiusMeters}") { Code = "VALIDATION" };
                }

                return ChangeSubscription.Of<RescueUnit>(context, RescueUnitType.TypeName, unit =>
                    (agency is null || unit.AgencyId == agency)
                    && (within is null || unit.Location.ApproximateMetersTo(within.Center) <= within.RadiusMeters));
            });
}

public sealed class Circle
{
    public GeoPoint Center { get; set; }
    public double RadiusMeters { get; set; }
}

public sealed class CircleInputType : InputObjectGraphType<Circle>
{
    public CircleInputType()
    {
        Name = "CircleInput";
        Description = "A circle on the ground: a centre and a radius in metres.";
        Field<NonNullGraphType<GeoPointInputType>>("center");
        Field<NonNullGraphType<FloatGraphType>>("radiusMeters");
    }
}
