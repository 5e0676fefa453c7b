using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Muster.Infrastructure;
using Muster.Infrastructure.Time;
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

public sealed class ReportUnitPositionHandler(IDocumentSession session, IActorAccessor actors, TimeProvider time, IOptions<ReportedTimes> bounds)
{
    private const int Attempts = 3;

    public async Task<Result<RescueUnit>> Handle(ReportUnitPosition command, CancellationToken ct)
    {
        // Reports of one unit queue on its stream's row (32 in flight answered CONFLICT now and then when they raced
        // optimistically: a retry in the same session saw the version it had already lost with). A lost race that
        // still happens is retried.
        for (var attempt = 1; ; attempt++)
        {
            var stream = await session.Events.FetchForExclusiveWriting<RescueUnit>(command.UnitId, ct);
            var decision = ReportUnitPositionDecision.Decide(stream.Aggregate, command, actors.Current ?? Actor.System, time.GetUtcNow(), bounds.Value);
            if (!decision.Succeeded)
            {
                return Result<RescueUnit>.Fail(decision.Errors);
            }

            stream.AppendOne(decision.Value!);
            try
            {
                await session.SaveChangesAsync(ct);
                return UnitEvolution.Evolve(stream.Aggregate!, decision.Value!);
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
                session.EjectAllPendingChanges();
            }
            catch (ConcurrencyException)
            {
                return DomainError.Conflict("the unit kept changing; report again", "unitId");
            }
        }
    }
}
