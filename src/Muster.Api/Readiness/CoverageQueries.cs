using GraphQL;
using GraphQL.Types;
using Muster.Infrastructure;
using Muster.Readiness;
using Muster.Readiness.Coverage;
using Muster.Readiness.Demand;

namespace Muster.Api.Readiness;

/// <summary>Coverage of the city by a capability: the bureau's (admin, commanders) and logistics'; partners see none of it.</summary>
public static class CoverageQueries
{
    public static readonly string[] Readers = [Roles.Admin, Roles.Commander, Roles.Logistics];

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<CoverageType>>("coverage")
            .Description($"Which places the AVAILABLE units with a capability reach within withinSeconds ({ReadinessOptions.MinSeconds}..{ReadinessOptions.MaxSeconds}), by the ETA of nearestUnits. "
                + $"Without demandGeoJson the places are every hazard site (weighted RED 4, ORANGE 3, YELLOW 2, BLUE 1) and township and village seat (one weight per 10,000 residents, at least 1). Admin, commanders, logistics.")
            .Argument<NonNullGraphType<StringGraphType>>("capability", "A capability tag, e.g. mine-rescue.")
            .Argument<NonNullGraphType<IntGraphType>>("withinSeconds", "The time limit, in seconds.")
            .Argument<StringGraphType>("demandGeoJson",
                $"Places to cover instead: a GeoJSON Point, MultiPoint, Feature or FeatureCollection of points ([longitude, latitude]), with optional weight and name properties; at most {GivenDemand.MaxPoints:N0} points.")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async context =>
            {
                var answer = await context.RequestServices!.GetRequiredService<CoverageQuery>().AnswerAsync(
                    new CoverageQuestion(context.GetArgument<string>("capability"), context.GetArgument<int>("withinSeconds"),
                        context.GetArgument<string?>("demandGeoJson")),
                    context.CancellationToken);
                return answer.Succeeded
                    ? answer.Value
                    : throw new ExecutionError(answer.Errors[0].Message) { Code = answer.Errors[0].Code };
            });
    }
}
