using GraphQL;
using GraphQL.Types;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Drills;

namespace Muster.Api.Drills;

/// <summary>The drills, open and past, with their after-action reports: admin, commanders and logistics.</summary>
public static class DrillQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<DrillType>("drill")
            .Description("One drill, or null when there is none with that id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AuthorizeWithRoles(DrillsGraph.Participants)
            .ResolveAsync(async c => GlobalId.Of(DrillType.TypeName, c.GetArgument<string>("id")) is { } id
                ? await c.RequestServices!.GetRequiredService<IQuerySession>().LoadAsync<Drill>(id, c.CancellationToken)
                : null);

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DrillType>>>>("drills")
            .Description("The drills, newest first; only the open ones or only the ended ones when asked.")
            .Argument<DrillStatusType>("status")
            .Argument<IntGraphType>("first", "At most this many (default 50, at most 200).")
            .AuthorizeWithRoles(DrillsGraph.Participants)
            .ResolveAsync(async c =>
            {
                var drills = c.RequestServices!.GetRequiredService<IQuerySession>().Query<Drill>().AsQueryable();
                if (c.GetArgument<DrillStatus?>("status") is { } status)
                {
                    drills = drills.Where(d => d.Status == status);
                }

                var first = Math.Clamp(c.GetArgument<int?>("first") ?? 50, 0, 200);
                return await drills.OrderByDescending(d => d.StartedAt).Take(first).ToListAsync(c.CancellationToken);
            });
    }
}
