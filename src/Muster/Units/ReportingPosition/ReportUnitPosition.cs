using JasperFx;
using Marten;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Units.ReportingPosition;

public sealed record ReportUnitPosition(Guid UnitId, GeoPoint Location, DateTimeOffset At);

public static class ReportUnitPositionDecision
{
    /// <summary>Device clocks drift; a report further ahead than this is refused rather than trusted.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    public static Result<UnitPositionReported> Decide(RescueUnit? unit, ReportUnitPosition command, Actor actor, DateTimeOffset now)
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

        if (command.At > now + ClockTolerance)
        {
            return DomainError.Validation($"'at' is {command.At - now:g} ahead of the server's clock", "at");
        }

        // An older report is still recorded (the track keeps it) but does not move the unit: see UnitEvolution.
        return new UnitPositionReported(unit.Id, command.Location, command.At.ToUniversalTime());
    }
}

public sealed class ReportUnitPositionHandler(IDocumentSession session, IActorAccessor actors, TimeProvider time)
{
    private const int Attempts = 3;

    public async Task<Result<RescueUnit>> Handle(ReportUnitPosition command, CancellationToken ct)
    {
        // Reports from one device may race each other; they never contradict, so a lost race is simply retried.
        for (var attempt = 1; ; attempt++)
        {
            var stream = await session.Events.FetchForWriting<RescueUnit>(command.UnitId, ct);
            var decision = ReportUnitPositionDecision.Decide(stream.Aggregate, command, actors.Current ?? Actor.System, time.GetUtcNow());
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
