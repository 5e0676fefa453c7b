using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Units.ChangingCapabilities;

/// <summary>Corrects what a unit can do: its capability tags replace the ones it had.</summary>
public sealed record ChangeUnitCapabilities(Guid UnitId, IReadOnlyList<string> Capabilities);

public static class ChangeUnitCapabilitiesDecision
{
    /// <summary>The new tags, or null when the unit already has exactly these (nothing to record).</summary>
    public static Result<UnitCapabilitiesChanged?> Decide(RescueUnit? unit, ChangeUnitCapabilities command, Actor actor)
    {
        if (unit is null)
        {
            return DomainError.NotFound("no such unit", "unitId");
        }

        if (actor.Role == Role.Partner && actor.AgencyId != unit.AgencyId)
        {
            return new DomainError(ErrorCodes.Forbidden, "a partner changes units of its own agency only", "unitId");
        }

        var capabilities = Tags.Normalize(command.Capabilities, "capabilities");
        if (!capabilities.Succeeded)
        {
            return Result<UnitCapabilitiesChanged?>.Fail(capabilities.Errors);
        }

        return capabilities.Value!.SequenceEqual(unit.Capabilities)
            ? Result<UnitCapabilitiesChanged?>.Ok(null)
            : new UnitCapabilitiesChanged(unit.Id, unit.Capabilities, capabilities.Value!);
    }
}

public sealed class ChangeUnitCapabilitiesHandler(EventWriter writer)
{
    public Task<Result<RescueUnit>> Handle(ChangeUnitCapabilities command, CancellationToken ct) =>
        writer.ChangeAsync<RescueUnit, UnitCapabilitiesChanged?>(command.UnitId,
            (unit, actor) => ChangeUnitCapabilitiesDecision.Decide(unit, command, actor),
            DomainError.Conflict("the unit changed meanwhile; read it again and retry", "unitId"), ct);
}
