using Muster.Duty.OpenItems;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;

namespace Muster.Duty.HandingOver;

public sealed record HandOverDuty(Guid ShiftId, string? Notes);

public static class HandOverDutyDecision
{
    public const int MaxNotesLength = 2000;

    /// <summary>
    /// The handover of <paramref name="command"/>'s shift to the next one, with <paramref name="openItems"/>, or why not:
    /// only one of the shift's own people (by the login named on the roster) hands it over, while it runs or within
    /// <paramref name="grace"/> after its end, once, and only to a shift that follows.
    /// </summary>
    public static Result<DutyHandedOver> Decide(
        DutyRoster roster, HandOverDuty command, Actor actor, DateTimeOffset now, TimeSpan grace, IReadOnlyList<OpenItem> openItems)
    {
        if (roster.Find(command.ShiftId) is not { } shift)
        {
            return DomainError.NotFound("no such shift", "shiftId");
        }

        if (!shift.IsOnIt(actor.Subject))
        {
            return new DomainError(ErrorCodes.Forbidden,
                $"only the people on this shift hand it over, and you ({actor.Subject}) are not on it", "shiftId");
        }

        if (shift.HandedOver is { } done)
        {
            return DomainError.InvalidState(
                $"the shift was handed over already, at {ScheduleDutyStamp(done.At)} by {done.By}", "shiftId");
        }

        if (now < shift.StartsAt)
        {
            return DomainError.InvalidState($"the shift is not on duty yet (it starts {ScheduleDutyStamp(shift.StartsAt)})", "shiftId");
        }

        if (now > shift.EndsAt + grace)
        {
            return DomainError.InvalidState($"the shift ended at {ScheduleDutyStamp(shift.EndsAt)}, too long ago to hand over", "shiftId");
        }

        if (roster.Next(shift) is not { } next)
        {
            return DomainError.InvalidState("no shift follows this one to hand over to; schedule the next shift first", "shiftId");
        }

        var notes = TextRules.FreeText(command.Notes, "notes", MaxNotesLength);
        return notes.Succeeded
            ? new DutyHandedOver(shift.Id, next.Id, actor.Subject, openItems, notes.Value)
            : Result<DutyHandedOver>.Fail(notes.Errors);
    }

    private static string ScheduleDutyStamp(DateTimeOffset at) => Scheduling.ScheduleDutyDecision.Stamp(at);
}

public sealed class HandOverDutyHandler(EventWriter writer, TimeProvider time, IEnumerable<IOpenItemSource> sources, DutyOptions options)
{
    /// <summary>Gathers the open items from every registered source, then records the handover; answers the outgoing shift.</summary>
    public async Task<Result<DutyShift>> Handle(HandOverDuty command, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var openItems = await OpenItemsAsync(sources, now, ct);
        var roster = await writer.ChangeAsync<DutyRoster, DutyHandedOver>(DutyRoster.StreamId,
            (current, actor) => HandOverDutyDecision.Decide(current ?? DutyRoster.Empty, command, actor, now, options.HandoverGrace, openItems),
            DomainError.Conflict("the roster changed meanwhile; read it again and retry", "shiftId"), ct);
        return roster.Succeeded ? roster.Value!.Find(command.ShiftId)! : Result<DutyShift>.Fail(roster.Errors);
    }

    /// <summary>Every source's open items at <paramref name="at"/>, by kind, then the earliest due first.</summary>
    public static async Task<IReadOnlyList<OpenItem>> OpenItemsAsync(IEnumerable<IOpenItemSource> sources, DateTimeOffset at, CancellationToken ct)
    {
        var items = new List<OpenItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.OpenAtAsync(at, ct));
        }

        return [.. items.OrderBy(i => i.Kind).ThenBy(i => i.Due ?? DateTimeOffset.MaxValue).ThenBy(i => i.Summary, StringComparer.Ordinal)];
    }
}
