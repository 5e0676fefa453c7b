using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Units.ChangingStatus;

public sealed record ChangeUnitStatus(Guid UnitId, UnitStatus Status, string? Reason);

public static class ChangeUnitStatusDecision
{
    public static Result<UnitStatusChanged> Decide(RescueUnit? unit, ChangeUnitStatus command, Actor actor)
    {
        if (unit is null)
        {
            return DomainError.NotFound("no such unit", "unitId");
        }

        if (actor.Role == Role.Partner && actor.AgencyId != unit.AgencyId)
        {
            return new DomainError(ErrorCodes.Forbidden, "a partner changes units of its own agency only", "unitId");
        }

        if (!UnitStatusTransitions.IsAllowed(unit.Status, command.Status))
        {
            var allowed = string.Join(", ", UnitStatusTransitions.From(unit.Status).Select(s => ApiName.Of(s)));
            return DomainError.InvalidState($"a unit {ApiName.Of(unit.Status)} cannot become {ApiName.Of(command.Status)}; it can become {allowed}", "status");
        }

        return new UnitStatusChanged(unit.Id, unit.Status, command.Status, command.Reason?.Trim());
    }
}

public sealed class ChangeUnitStatusHandler(EventWriter writer)
{
    public Task<Result<RescueUnit>> Handle(ChangeUnitStatus command, CancellationToken ct) =>
        writer.ChangeAsync<RescueUnit, UnitStatusChanged>(command.UnitId,
            (unit, actor) => ChangeUnitStatusDecision.Decide(unit, command, actor),
            DomainError.Conflict("the unit changed meanwhile; read it again and retry", "unitId"), ct);
}
