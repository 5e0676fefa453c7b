using Microsoft.Extensions.Options;
using Muster.Infrastructure;
using Muster.Infrastructure.Time;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Units.ReportingPosition;

public sealed record ReportUnitPosition(Guid UnitId, GeoPoint Location, DateTimeOffset At);

public static class ReportUnitPositionDecision
{
    /// <summary>Device clocks drift; a report further ahead (or older) than the bounds is refused rather than trusted.</summary>
    public static Result<UnitPositionReported> Decide(
        RescueUnit? unit, ReportUnitPosition command, Actor actor, DateTimeOffset now, ReportedTimes? bounds = null)
    {
        if (GeoPoint.Check(command.Location.Lat, command.Location.Lon) is { } invalid)
        {
            return invalid;
        }

        if (unit is null)
        {
            return DomainError.NotFound("no such unit", "unitId");
        }

        if (actor.Role == Role.Partner && actor.AgencyId != unit.AgencyId)
        {
            return new DomainError(ErrorCodes.Forbidden, "a partner reports positions of its own agency's units only", "unitId");
        }

        if ((bounds ?? new ReportedTimes()).Check(command.At, now, "at") is { } outOfBounds)
        {
            return outOfBounds;
        }

        // An older report is still recorded (the track keeps it) but does not move the unit: see UnitEvolution.
        return new UnitPositionReported(unit.Id, command.Location, command.At.ToUniversalTime());
    }
}

public sealed class ReportUnitPositionHandler(EventWriter writer, TimeProvider time, IOptions<ReportedTimes> bounds)
{
    // Reports of one unit queue on its stream's row (32 in flight answered CONFLICT now and then when they raced
    // optimistically). A lost race that still happens decides again.
    public Task<Result<RescueUnit>> Handle(ReportUnitPosition command, CancellationToken ct) =>
        writer.ChangeAsync<RescueUnit, UnitPositionReported>(command.UnitId,
            (unit, actor) => ReportUnitPositionDecision.Decide(unit, command, actor, time.GetUtcNow(), bounds.Value),
            DomainError.Conflict("the unit kept changing; report again", "unitId"), ct, OnLostRace.DecideAgain, exclusive: true);
}
