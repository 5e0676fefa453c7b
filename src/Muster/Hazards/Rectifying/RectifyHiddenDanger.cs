using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Jurisdictions;

namespace Muster.Hazards.Rectifying;

/// <summary>The danger is rectified (整改完成), shown by <paramref name="Evidence"/>; on time when before its deadline.</summary>
public sealed record RectifyHiddenDanger(Guid DangerId, string Evidence);

public static class RectifyHiddenDangerDecision
{
    public static Result<HiddenDangerRectified> Decide(HiddenDanger? danger, RectifyHiddenDanger command, HazardScope scope, DateTimeOffset now)
    {
        if (danger is null)
        {
            return DomainError.NotFound("no such hidden danger", "dangerId");
        }

        if (!scope.MayChange(danger.JurisdictionId))
        {
            return HazardScope.KeptByOthers with { Field = "dangerId" };
        }

        if (danger.Status == DangerStatus.Rectified)
        {
            return DomainError.InvalidState($"the danger was rectified already, at {danger.RectifiedAt:u}", "dangerId");
        }

        var evidence = TextRules.FreeText(command.Evidence, "evidence", HazardRules.MaxText, required: true);
        return evidence.Succeeded
            ? new HiddenDangerRectified(danger.Id, evidence.Value!, now, now <= danger.Deadline)
            : Result<HiddenDangerRectified>.Fail(evidence.Errors);
    }
}

public sealed class RectifyHiddenDangerHandler(EventWriter writer, IJurisdictionDirectory directory, IActorAccessor actors, TimeProvider time)
{
    public async Task<Result<HiddenDanger>> Handle(RectifyHiddenDanger command, CancellationToken ct)
    {
        var scope = await HazardScope.OfAsync(actors.Current ?? Actor.System, directory, ct);
        return await writer.ChangeAsync<HiddenDanger, HiddenDangerRectified>(command.DangerId,
            (danger, _) => RectifyHiddenDangerDecision.Decide(danger, command, scope, time.GetUtcNow()),
            DomainError.Conflict("the danger changed meanwhile; read it again and retry", "dangerId"), ct);
    }
}
