using GraphQL;
using GraphQL.Types;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Incidents;
using Muster.Api.GraphQL.Scalars;
using Muster.Incidents;
using Muster.Plans;

namespace Muster.Api.Plans;

/// <summary>The plans and their drills; every role may read them (partners drill with the bureau).</summary>
public static class PlanQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanType>>>>("plans")
            .Description("The emergency plans, by incident kind then level (I first).")
            .Argument<IncidentKindType>("incidentKind")
            .Argument<ResponseLevelType>("level")
            .ResolveAsync(async context =>
            {
                var plans = context.RequestServices!.GetRequiredService<IQuerySession>().Query<Plan>().AsQueryable();
                if (context.GetArgument<IncidentKind?>("incidentKind") is { } kind)
                {
                    plans = plans.Where(p => p.Kind == kind);
                }

                if (context.GetArgument<ResponseLevel?>("level") is { } level)
                {
                    plans = plans.Where(p => p.Level == level);
                }

                return (await plans.ToListAsync(context.CancellationToken)).OrderBy(p => p.Kind).ThenBy(p => p.Level).ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanType>>>>("overdueDrills")
            .Description("Plans whose drill is due on or before the given day (default today), longest overdue first.")
            .Argument<DateScalar>("asOf")
            .ResolveAsync(async context =>
            {
                var today = context.GetArgument<DateOnly?>("asOf")
                    ?? DateOnly.FromDateTime(context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                var plans = await context.RequestServices!.GetRequiredService<IQuerySession>().Query<Plan>()
                    .Where(p => p.DrillIntervalDays != null).ToListAsync(context.CancellationToken);
                return plans.Where(p => p.NextDrillDue <= today).OrderBy(p => p.NextDrillDue).ToList();
            });
    }
}
