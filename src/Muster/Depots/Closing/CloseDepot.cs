using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies.Levels;

namespace Muster.Depots.Closing;

public sealed record CloseDepot(Guid DepotId, string Reason);

public static class CloseDepotDecision
{
    public const int MaxReasonLength = 500;

    /// <summary>A depot closes only when empty: <paramref name="hasStock"/> says whether it still holds any.</summary>
    public static Result<DepotClosed> Decide(Depot? depot, CloseDepot command, Actor actor, bool hasStock)
    {
        if (DepotRules.MayChange(depot, actor) is { } refused)
        {
            return refused;
        }

        var reason = command.Reason.Trim();
        if (reason.Length is 0 or > MaxReasonLength)
        {
            return DomainError.Validation($"reason must have 1 to {MaxReasonLength} characters", "reason");
        }

        return hasStock
            ? DomainError.InvalidState("the depot still holds stock: move or issue it before closing", "depotId")
            : new DepotClosed(command.DepotId, reason);
    }
}

public sealed class CloseDepotHandler(EventWriter writer, StockLevels levels)
{
    public async Task<Result<Depot>> Handle(CloseDepot command, CancellationToken ct)
    {
        var hasStock = await levels.HoldsStockAsync(command.DepotId, ct);
        return await writer.ChangeAsync<Depot, DepotClosed>(command.DepotId,
            (depot, actor) => CloseDepotDecision.Decide(depot, command, actor, hasStock), DepotRules.Conflict, ct);
    }
}
