using Marten;
using Muster.Agencies;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Depots.Registering;

public sealed record RegisterDepot(string Name, string? Address, GeoPoint Location, Guid AgencyId, bool Shared);

public static class RegisterDepotDecision
{
    public const int MaxNameLength = 200;

    public static Result<DepotRegistered> Decide(RegisterDepot command, Guid newId, Actor actor, bool agencyExists)
    {
        if (!DepotRules.MayAct(actor, command.AgencyId))
        {
            return new DomainError(ErrorCodes.Forbidden, "depots are registered by admin, logistics, or a partner for its own agency", "agencyId");
        }

        var checkedName = TextRules.Name(command.Name, "name", MaxNameLength);
        if (!checkedName.Succeeded)
        {
            return Result<DepotRegistered>.Fail(checkedName.Errors);
        }

        var name = checkedName.Value!;

        if (GeoPoint.Check(command.Location.Lat, command.Location.Lon, "location") is { } invalid)
        {
            return invalid;
        }

        var address = DepotRules.Address(command.Address);
        if (!address.Succeeded)
        {
            return Result<DepotRegistered>.Fail(address.Errors);
        }

        if (!agencyExists)
        {
            return DomainError.NotFound("no such agency", "agencyId");
        }

        return new DepotRegistered(newId, name, address.Value, command.Location, command.AgencyId, command.Shared);
    }
}

public sealed class RegisterDepotHandler(EventWriter writer)
{
    public Task<Result<Depot>> Handle(RegisterDepot command, CancellationToken ct) =>
        writer.StartAsync<Depot, DepotRegistered>(
            async (session, actor, token) => RegisterDepotDecision.Decide(
                command, Guid.CreateVersion7(), actor, await session.LoadAsync<Agency>(command.AgencyId, token) is not null),
            registered => registered.DepotId, null, ct);
}
