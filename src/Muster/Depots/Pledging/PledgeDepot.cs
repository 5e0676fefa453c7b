using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Depots.Pledging;

/// <summary>Pledges a depot to the city's shared pool (物资共用).</summary>
public sealed record PledgeDepot(Guid DepotId);

public static class PledgeDepotDecision
{
    public static Result<DepotPledged> Decide(Depot? depot, PledgeDepot command, Actor actor)
    {
        if (DepotRules.MayChange(depot, actor) is { } refused)
        {
            return refused;
        }

        return depot!.Shared
            ? DomainError.InvalidState("the depot is already in the shared pool", "depotId")
            : new DepotPledged(command.DepotId);
    }
}

public sealed class PledgeDepotHandler(EventWriter writer)
{
    public Task<Result<Depot>> Handle(PledgeDepot command, CancellationToken ct) =>
        writer.ChangeAsync<Depot, DepotPledged>(command.DepotId, (depot, actor) => PledgeDepotDecision.Decide(depot, command, actor), DepotRules.Conflict, ct);
}
