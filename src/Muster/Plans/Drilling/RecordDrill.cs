using Marten;
using Muster.Infrastructure;

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

public sealed class RecordDrillHandler(IDocumentSession session, TimeProvider time)
{
    public async Task<Result<Plan>> Handle(RecordDrill command, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Plan>(command.PlanId, ct);
        var decision = RecordDrillDecision.Decide(stream.Aggregate, command, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (!decision.Succeeded)
        {
            return Result<Plan>.Fail(decision.Errors);
        }

        stream.AppendOne(decision.Value!);
        await session.SaveChangesAsync(ct);
        return PlanEvolution.Evolve(stream.Aggregate, decision.Value!, time.GetUtcNow());
    }
}
