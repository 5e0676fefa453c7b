using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Depots.Withdrawing;

/// <summary>Takes a depot back out of the shared pool: it is its agency's own again.</summary>
public sealed record WithdrawDepot(Guid DepotId);

public static class WithdrawDepotDecision
{
    public static Result<DepotWithdrawn> Decide(Depot? depot, WithdrawDepot command, Actor actor)
    {
        if (DepotRules.MayChange(depot, actor) is { } refused)
        {
            return refused;
        }

        return depot!.Shared
            ? new DepotWithdrawn(command.DepotId)
            : DomainError.InvalidState("the depot is not in the shared pool", "depotId");
    }
}

public sealed class WithdrawDepotHandler(EventWriter writer)
{
    public Task<Result<Depot>> Handle(WithdrawDepot command, CancellationToken ct) =>
        writer.ChangeAsync<Depot, DepotWithdrawn>(command.DepotId, (depot, actor) => WithdrawDepotDecision.Decide(depot, command, actor), DepotRules.Conflict, ct);
}
