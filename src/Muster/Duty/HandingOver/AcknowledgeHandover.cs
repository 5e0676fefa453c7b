using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;

namespace Muster.Duty.HandingOver;

public sealed record AcknowledgeHandover(Guid ShiftId, string? Notes);

public static class AcknowledgeHandoverDecision
{
    /// <summary>The incoming shift takes over what was handed to it, or why not: one of its own people, once, after the handover.</summary>
    public static Result<HandoverAcknowledged> Decide(DutyRoster roster, AcknowledgeHandover command, Actor actor)
    {
        if (roster.Find(command.ShiftId) is not { } shift)
        {
            return DomainError.NotFound("no such shift", "shiftId");
        }

        if (!shift.IsOnIt(actor.Subject))
        {
            return new DomainError(ErrorCodes.Forbidden,
                $"only the people on this shift acknowledge its handover, and you ({actor.Subject}) are not on it", "shiftId");
        }

        if (shift.Received is not { } handover)
        {
            return DomainError.InvalidState("nothing was handed over to this shift yet", "shiftId");
        }

        if (handover.AcknowledgedBy is { } by)
        {
            return DomainError.InvalidState($"the handover was acknowledged already, by {by}", "shiftId");
        }

        var notes = TextRules.FreeText(command.Notes, "notes", HandOverDutyDecision.MaxNotesLength);
        return notes.Succeeded
            ? new HandoverAcknowledged(shift.Id, handover.FromShiftId, actor.Subject, notes.Value)
            : Result<HandoverAcknowledged>.Fail(notes.Errors);
    }
}

public sealed class AcknowledgeHandoverHandler(EventWriter writer)
{
    /// <summary>Records the acknowledgement; answers the incoming shift.</summary>
    public async Task<Result<DutyShift>> Handle(AcknowledgeHandover command, CancellationToken ct)
    {
        var roster = await writer.ChangeAsync<DutyRoster, HandoverAcknowledged>(DutyRoster.StreamId,
            (current, actor) => AcknowledgeHandoverDecision.Decide(current ?? DutyRoster.Empty, command, actor),
            DomainError.Conflict("the roster changed meanwhile; read it again and retry", "shiftId"), ct);
        return roster.Succeeded ? roster.Value!.Find(command.ShiftId)! : Result<DutyShift>.Fail(roster.Errors);
    }
}
