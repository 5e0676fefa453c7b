using JasperFx;
using Marten;
using Muster.Infrastructure;

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

public sealed class ChangeUnitStatusHandler(IDocumentSession session, IActorAccessor actors)
{
    public async Task<Result<RescueUnit>> Handle(ChangeUnitStatus command, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<RescueUnit>(command.UnitId, ct);
        var decision = ChangeUnitStatusDecision.Decide(stream.Aggregate, command, actors.Current ?? Actor.System);
        if (!decision.Succeeded)
        {
            return Result<RescueUnit>.Fail(decision.Errors);
        }

        stream.AppendOne(decision.Value!);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return DomainError.Conflict("the unit changed meanwhile; read it again and retry", "unitId");
        }

        return UnitEvolution.Evolve(stream.Aggregate!, decision.Value!);
    }
}
