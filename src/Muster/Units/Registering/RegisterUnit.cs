using Marten;
using Muster.Agencies;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Units.Registering;

public sealed record RegisterUnit(
    string Name,
    UnitKind Kind,
    NimsType Type,
    IReadOnlyList<string> Capabilities,
    int CrewSize,
    GeoPoint HomeStation,
    Guid AgencyId);

public static class RegisterUnitDecision
{
    public const int MaxCrew = 500;

    public static Result<UnitRegistered> Decide(RegisterUnit command, Guid newId, Actor actor, bool agencyExists)
    {
        if (actor.Role == Role.Partner && actor.AgencyId != command.AgencyId)
        {
            return new DomainError(ErrorCodes.Forbidden, "a partner registers units of its own agency only", "agencyId");
        }

        var checkedName = TextRules.Name(command.Name, "name", 200);
        if (!checkedName.Succeeded)
        {
            return Result<UnitRegistered>.Fail(checkedName.Errors);
        }

        var name = checkedName.Value!;

        if (command.CrewSize is < 1 or > MaxCrew)
        {
            return DomainError.Validation($"crewSize must be between 1 and {MaxCrew}", "crewSize");
        }

        if (GeoPoint.Check(command.HomeStation.Lat, command.HomeStation.Lon, "location") is { } invalid)
        {
            return invalid;
        }

        var capabilities = Tags.Normalize(command.Capabilities, "capabilities");
        if (!capabilities.Succeeded)
        {
            return Result<UnitRegistered>.Fail(capabilities.Errors);
        }

        if (!agencyExists)
        {
            return DomainError.NotFound("no such agency", "agencyId");
        }

        return new UnitRegistered(newId, name, command.Kind, command.Type, capabilities.Value!, command.CrewSize,
            command.HomeStation, command.AgencyId);
    }
}

public sealed class RegisterUnitHandler(EventWriter writer)
{
    public Task<Result<RescueUnit>> Handle(RegisterUnit command, CancellationToken ct) =>
        writer.StartAsync<RescueUnit, UnitRegistered>(
            async (session, actor, token) => RegisterUnitDecision.Decide(
                command, Guid.CreateVersion7(), actor, await session.LoadAsync<Agency>(command.AgencyId, token) is not null),
            registered => registered.UnitId, null, ct);
}
