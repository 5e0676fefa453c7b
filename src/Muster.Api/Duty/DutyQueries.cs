using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Duty;
using Muster.Duty.HandingOver;
using Muster.Duty.OpenItems;
using Muster.Infrastructure;

namespace Muster.Api.Duty;

/// <summary>Who is on duty, the roster, its gaps, its history and the open items: admin, commanders and logistics (partners see none of it).</summary>
public static class DutyQueries
{
    public static readonly string[] Readers = [Roles.Admin, Roles.Commander, Roles.Logistics];

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<DutyShiftType>("dutyNow")
            .Description("The shift on duty at an instant (default now), or null when nobody is.")
            .Argument<DateTimeScalar>("at")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async context =>
            {
                var at = context.GetArgument<DateTimeOffset?>("at") ?? Now(context);
                return (await RosterAsync(context)).At(at);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DutyShiftType>>>>("dutyShifts")
            .Description($"The shifts that overlap a window (default: from now, 7 days), by start; at most {MaxWindowDays} days.")
            .Argument<DateTimeScalar>("from")
            .Argument<DateTimeScalar>("until")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async context =>
            {
                var (from, until) = Window(context);
                return (await RosterAsync(context)).Shifts.Where(s => s.EndsAt > from && s.StartsAt < until).OrderBy(s => s.StartsAt).ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RosterGapType>>>>("rosterGaps")
            .Description("The stretches nobody is on duty for within a window (default: from now, the gap horizon of the settings, 72 hours).")
            .Argument<DateTimeScalar>("from")
            .Argument<DateTimeScalar>("until")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async context =>
            {
                var from = context.GetArgument<DateTimeOffset?>("from") ?? Now(context);
                var until = context.GetArgument<DateTimeOffset?>("until")
                    ?? from + context.RequestServices!.GetRequiredService<DutyOptions>().GapHorizon;
                CheckWindow(from, until);
                return (await RosterAsync(context)).GapsBetween(from, until);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OpenItemType>>>>("openItems")
            .Description("What a handover now would hand over: the open items of every capability (incidents not closed, supplies in transit, overdue reports and rectifications).")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async context => await HandOverDutyHandler.OpenItemsAsync(
                context.RequestServices!.GetServices<IOpenItemSource>(), Now(context), context.CancellationToken));

        query.Field<NonNullGraphType<ConnectionType<DutyLogEntryType, EdgeType<DutyLogEntryType>>>>("dutyLog")
            .Description("The roster's history, newest first: shifts scheduled, handovers given and acknowledged, reminders, gaps reported.")
            .Paged()
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async context =>
            {
                var log = new DutyLog(context.RequestServices!.GetRequiredService<IQuerySession>());
                return await Connections.ResolveAsync(context, log.CountAsync, log.PageAsync);
            });
    }

    public const int MaxWindowDays = 92;

    private static (DateTimeOffset From, DateTimeOffset Until) Window(IResolveFieldContext context)
    {
        var from = context.GetArgument<DateTimeOffset?>("from") ?? Now(context);
        var until = context.GetArgument<DateTimeOffset?>("until") ?? from.AddDays(7);
        CheckWindow(from, until);
        return (from, until);
    }

    private static void CheckWindow(DateTimeOffset from, DateTimeOffset until)
    {
        if (until <= from || until - from > TimeSpan.FromDays(MaxWindowDays))
        {
            throw new ExecutionError($"until must be after from, at most {MaxWindowDays} days later") { Code = ErrorCodes.Validation };
        }
    }

    private static DateTimeOffset Now(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow();

    public static async Task<DutyRoster> RosterAsync(IResolveFieldContext context) =>
        await context.RequestServices!.GetRequiredService<IQuerySession>().LoadAsync<DutyRoster>(DutyRoster.StreamId, context.CancellationToken)
        ?? DutyRoster.Empty;
}

public sealed class DutyLogEntryType : ObjectGraphType<DutyLogEntry>
{
    public DutyLogEntryType()
    {
        Name = "DutyLogEntry";
        Description = "One line of the roster's history.";
        Field<NonNullGraphType<DutyLogKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(c => c.Source.At);
        Field<StringGraphType>("by").Description("Who did it (a login, or job:duty-watch).").Resolve(c => c.Source.By);
        Field<DutyShiftType>("shift").Description("The shift concerned, as it is now.").Resolve(c => c.Source.Shift);
        Field<RosterGapType>("gap").Description("For GAP_REPORTED: the gap.").Resolve(c => c.Source.Gap);
    }
}

public sealed class DutyLogKindType : EnumerationGraphType<DutyLogKind>
{
    public DutyLogKindType()
    {
        Name = "DutyLogKind";
        Description = "SCHEDULED, HANDED_OVER, ACKNOWLEDGED, HANDOVER_REMINDED, GAP_REPORTED.";
    }
}
