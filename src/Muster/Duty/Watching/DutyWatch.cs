using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Quartz;

namespace Muster.Duty.Watching;

/// <summary>
/// Every few minutes (<see cref="DutyOptions.WatchIntervalMinutes"/>): the shift on duty whose end is within
/// <see cref="DutyOptions.HandoverReminderMinutes"/> and not handed over gets a <see cref="HandoverReminderIssued"/>,
/// once; each stretch of the next <see cref="DutyOptions.GapHorizonHours"/> that no shift covers gets a
/// <see cref="RosterGapReported"/>, once. The duty desk hears both (subscriptions <c>handoverDue</c>, <c>rosterGap</c>).
/// Clustered: one replica runs it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DutyWatch(EventWriter writer, TimeProvider time, DutyOptions options) : IJob
{
    public static readonly JobKey Key = new("duty-watch", "duty");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    /// <summary>Looks once; answers how many reminders and gaps it recorded.</summary>
    public async Task<(int Reminders, int Gaps)> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var said = await writer.ActingAs(Actor.Job("duty-watch")).RunAsync(
            async (session, _, token) =>
            {
                var stream = await session.Events.FetchForWriting<DutyRoster>(DutyRoster.StreamId, token);
                var events = Look(stream.Aggregate ?? DutyRoster.Empty, now, options);
                foreach (var e in events)
                {
                    stream.AppendOne(e);
                }

                return Result<(int, int)>.Ok((events.OfType<HandoverReminderIssued>().Count(), events.OfType<RosterGapReported>().Count()));
            },
            null, ct, OnLostRace.DecideAgain);
        return said.Value;
    }

    /// <summary>What is to be said now and was not said before; pure. A roster never kept (no shift ever) says nothing.</summary>
    public static IReadOnlyList<object> Look(DutyRoster roster, DateTimeOffset now, DutyOptions options)
    {
        var events = new List<object>();
        if (roster.Shifts.Count == 0)
        {
            return events;
        }

        if (roster.At(now) is { HandedOver: null, ReminderDueAt: null } shift && shift.EndsAt - now <= options.ReminderLead)
        {
            events.Add(new HandoverReminderIssued(shift.Id, shift.EndsAt));
        }

        var horizon = now + options.GapHorizon;
        events.AddRange(roster.GapsBetween(now, horizon).Where(g => !roster.AlreadyReported(g))
            .Select(g => new RosterGapReported(g.From, g.Until, horizon)));
        return events;
    }
}
