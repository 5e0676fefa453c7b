using Marten;
using Muster.Drills.AfterAction;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Plans;
using Muster.Plans.Drilling;

namespace Muster.Drills.Ending;

public sealed record EndDrill(Guid DrillId, string? Notes);

public static class EndDrillDecision
{
    public const int MaxNotesLength = RecordDrillDecision.MaxNotesLength;

    /// <summary>The drill exists and is still running, and the notes are sensible; otherwise why not.</summary>
    public static DomainError? Refusal(Drill? drill, EndDrill command) =>
        drill is null ? DomainError.NotFound("no such drill", "drillId")
        : drill.Status == DrillStatus.Ended ? DomainError.InvalidState($"the drill ended at {drill.EndedAt:O}", "drillId")
        : TextRules.FreeText(command.Notes, "notes", MaxNotesLength, required: false).Errors is [var bad, ..] ? bad : null;

    /// <summary>The drill's end, and its record on the plan (held today, the report's summary as notes).</summary>
    public static Result<(DrillEnded Ended, DrillRecorded Recorded)> Decide(Drill? drill, Plan? plan, EndDrill command, AfterActionReport report, Actor actor, DateOnly today)
    {
        if (Refusal(drill, command) is { } refused)
        {
            return refused;
        }

        var notes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim();
        var summary = AfterActionReports.Summary(drill!, report, notes);
        var recorded = RecordDrillDecision.Decide(plan, new RecordDrill(drill!.PlanId, today, summary), today);
        return recorded.Succeeded
            ? (new DrillEnded(drill.Id, report, notes, actor.Subject), recorded.Value!)
            : Result<(DrillEnded, DrillRecorded)>.Fail(recorded.Errors);
    }
}

/// <summary>
/// Reads what the drill did in its world, writes the after-action report on the drill and the drill on its plan in one
/// transaction, then discards the world. Ending twice: the second finds the drill ended and changes nothing.
/// </summary>
public sealed class EndDrillHandler(IQuerySession reader, EventWriter writer, IDrillWorlds worlds, TimeProvider time)
{
    public async Task<Result<Drill>> Handle(EndDrill command, CancellationToken ct)
    {
        var drill = command.DrillId == Guid.Empty ? null : await reader.LoadAsync<Drill>(command.DrillId, ct);
        if (EndDrillDecision.Refusal(drill, command) is { } refused)
        {
            return refused;
        }

        var events = await worlds.EventsAsync(drill!, ct);
        var now = time.GetUtcNow();
        var report = AfterActionReports.Build(drill!, events, now);
        var ended = await writer.WriteAsync<Drill>(
            async (session, actor, token) =>
            {
                var stream = await session.Events.FetchForWriting<Drill>(command.DrillId, token);
                var plan = await session.Events.FetchForWriting<Plan>(drill!.PlanId, token);
                var decision = EndDrillDecision.Decide(stream.Aggregate, plan.Aggregate, command, report, actor, DateOnly.FromDateTime(now.UtcDateTime));
                if (!decision.Succeeded)
                {
                    return Result<Written<Drill>>.Fail(decision.Errors);
                }

                stream.AppendOne(decision.Value.Ended);
                plan.AppendOne(decision.Value.Recorded);
                return Written.To(stream);
            },
            DomainError.InvalidState("the drill was ended meanwhile", "drillId"), ct);
        if (ended.Succeeded)
        {
            await worlds.DiscardAsync(drill!.Id, drill.Database, CancellationToken.None);
        }

        return ended;
    }
}
