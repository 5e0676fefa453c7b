using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Depots.Relocating;

/// <summary>The depot moves to a new site; the address given replaces the old one (none given: unknown).</summary>
public sealed record RelocateDepot(Guid DepotId, GeoPoint Location, string? Address);

public static class RelocateDepotDecision
{
    public static Result<DepotRelocated> Decide(Depot? depot, RelocateDepot command, Actor actor)
    {
        if (DepotRules.MayChange(depot, actor) is { } refused)
        {
            return refused;
        }

        if (GeoPoint.Check(command.Location.Lat, command.Location.Lon, "location") is { } invalid)
        {
            return invalid;
        }

        var address = DepotRules.Address(command.Address);
        if (!address.Succeeded)
        {
            return Result<DepotRelocated>.Fail(address.Errors);
        }

        return new DepotRelocated(depot!.Id, command.Location, address.Value);
    }
}

public sealed class RelocateDepotHandler(EventWriter writer)
{
    public Task<Result<Depot>> Handle(RelocateDepot command, CancellationToken ct) =>
        writer.ChangeAsync<Depot, DepotRelocated>(command.DepotId, (depot, actor) => RelocateDepotDecision.Decide(depot, command, actor), DepotRules.Conflict, ct);
}
