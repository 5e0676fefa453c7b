using System.Reactive.Linq;
using GraphQL;
using GraphQL.Types;
using JasperFx.Events;
using Marten;
using Muster.Duty;
using Muster.Infrastructure.Changes;

namespace Muster.Api.Duty;

/// <summary>
/// What the duty watch says, as it says it, on any instance: a roster gap ahead, a handover falling due. Each is
/// recorded once (an event on the roster's stream) and delivered to every desk listening then. Admin, commanders, logistics.
/// </summary>
public static class DutySubscriptions
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<RosterGapType>>("rosterGap")
            .Description("Each stretch of the coming hours (the gap horizon, 72 h by default) that nobody is on the roster for, once, when the duty watch finds it.")
            .AuthorizeWithRoles(DutyQueries.Readers)
            .ResolveStream(context => Said<RosterGapReported, RosterGap>(context, "roster_gap_reported",
                (e, _) => new RosterGap(e.From, e.Until)));

        subscription.Field<NonNullGraphType<HandoverDueType>>("handoverDue")
            .Description("The shift on duty is to hand over soon (the reminder lead, 30 min by default): once per shift, when the duty watch reminds it.")
            .AuthorizeWithRoles(DutyQueries.Readers)
            .ResolveStream(context => Said<HandoverReminderIssued, HandoverDue>(context, "handover_reminder_issued",
                (e, roster) => roster.Find(e.ShiftId) is { } shift ? new HandoverDue(shift, e.DueAt, roster.Next(shift)) : null));
    }

    /// <summary>The events of type <typeparamref name="TEvent"/> committed to the roster's stream after the subscription began, in order.</summary>
    private static IObservable<TOut> Said<TEvent, TOut>(IResolveFieldContext context, string eventType, Func<TEvent, DutyRoster, TOut?> map)
        where TOut : class
    {
        var services = context.RequestServices!;
        var store = services.GetRequiredService<IDocumentStore>();
        var feed = services.GetRequiredService<ChangeFeed>();
        return Observable.FromAsync(async ct =>
            {
                await using var session = store.QuerySession();
                return (await session.Events.FetchStreamStateAsync(DutyRoster.StreamId, ct))?.Version ?? 0;
            })
            .Select(start =>
            {
                var seen = start;
                return feed
                    .Where(notice => notice.Stream == DutyRoster.StreamId && notice.Events.Contains(eventType))
                    .Select(notice => Observable.FromAsync(async ct =>
                    {
                        await using var session = store.QuerySession();
                        var events = await session.Events.QueryAllRawEvents()
                            .Where(e => e.StreamId == DutyRoster.StreamId && e.Version > seen && e.Version <= notice.Version)
                            .OrderBy(e => e.Version).ToListAsync(ct);
                        seen = Math.Max(seen, notice.Version);
                        var roster = await session.LoadAsync<DutyRoster>(DutyRoster.StreamId, ct) ?? DutyRoster.Empty;
                        return events.Select(e => e.Data).OfType<TEvent>().Select(e => map(e, roster)).OfType<TOut>().ToList();
                    }))
                    .Concat()
                    .SelectMany(said => said);
            })
            .Switch()
            .Catch<TOut, ChangesMissedException>(missed =>
                Observable.Throw<TOut>(new ExecutionError(missed.Message) { Code = ChangesMissedException.Code }));
    }
}
