using Marten;
using Muster.Agencies;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
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

public sealed class RegisterDepotHandler(IDocumentSession session, IActorAccessor actors)
{
    public async Task<Result<Depot>> Handle(RegisterDepot command, CancellationToken ct)
    {
        var agency = await session.LoadAsync<Agency>(command.AgencyId, ct);
        var decision = RegisterDepotDecision.Decide(command, Guid.CreateVersion7(), actors.Current ?? Actor.System, agency is not null);
        if (!decision.Succeeded)
        {
            return Result<Depot>.Fail(decision.Errors);
        }

        var registered = decision.Value!;
        session.Events.StartStream<Depot>(registered.DepotId, registered);
        await session.SaveChangesAsync(ct);
        return (await session.LoadAsync<Depot>(registered.DepotId, ct))!;
    }
}
