using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Experts;
using Muster.Experts.Locating;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Api.Experts;

/// <summary>Where experts are: those who can reach a point soonest.</summary>
public static class ExpertSpatialQueries
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpertDistanceType>>>>("nearestExperts")
            .Description($"The experts who can reach a point soonest, by ETA then distance; a partner sees its own agency's. first: 1..{ExpertFinder.MaxNearest}.")
            .Argument<NonNullGraphType<GeoPointInputType>>("near")
            .Argument<StringGraphType>("specialty", "Only experts with this tag, e.g. mine-ventilation.")
            .Argument<ExpertAvailabilityType>("availability", "Default AVAILABLE; null for any.", a => a.DefaultValue = ExpertAvailability.Available)
            .Argument<IntGraphType>("first", a => a.DefaultValue = 5)
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int>("first");
                if (first is < 1 or > ExpertFinder.MaxNearest)
                {
                    throw Invalid($"first must be between 1 and {ExpertFinder.MaxNearest}, got {first}");
                }

                return await context.RequestServices!.GetRequiredService<ExpertFinder>()
                    .NearestAsync(context.GetArgument<GeoPoint>("near"), Scope(context), first, context.CancellationToken);
            });

    /// <summary>The filters of the query (availability, specialty), narrowed to what the caller may see.</summary>
    public static ExpertScope Scope(IResolveFieldContext context)
    {
        var specialty = context.GetArgument<string?>("specialty")?.Trim().ToLowerInvariant();
        if (specialty is not null && !Tags.IsTag(specialty))
        {
            throw Invalid($"'{specialty}' is not a specialty tag");
        }

        return new ExpertScope(ExpertVisibility.AgencyScope(Visibility.Viewer(context)), context.GetArgument<ExpertAvailability?>("availability"), specialty);
    }

    private static ExecutionError Invalid(string message) => new(message) { Code = "VALIDATION" };
}
