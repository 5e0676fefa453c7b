using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Plans.Drilling;

public sealed record RecordDrill(Guid PlanId, DateOnly HeldOn, string? Notes);

public static class RecordDrillDecision
{
    public const int MaxNotesLength = 2000;

    public static Result<DrillRecorded> Decide(Plan? plan, RecordDrill command, DateOnly today)
    {
        if (plan is null)
        {
            return DomainError.NotFound("no such plan", "planId");
        }

        if (command.HeldOn > today)
        {
            return DomainError.Validation($"heldOn {command.HeldOn:yyyy-MM-dd} is in the future", "heldOn");
        }

        var notes = command.Notes?.Trim();
        if (notes is { Length: > MaxNotesLength })
        {
            return DomainError.Validation($"notes must have at most {MaxNotesLength} characters", "notes");
        }

        return new DrillRecorded(plan.Id, command.HeldOn, string.IsNullOrEmpty(notes) ? null : notes);
    }
}

public sealed class RecordDrillHandler(EventWriter writer, TimeProvider time)
{
    public Task<Result<Plan>> Handle(RecordDrill command, CancellationToken ct) =>
        writer.ChangeAsync<Plan, DrillRecorded>(command.PlanId,
            (plan, _) => RecordDrillDecision.Decide(plan, command, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)),
            DomainError.Conflict("the plan changed meanwhile; read it again and retry", "planId"), ct);
}
