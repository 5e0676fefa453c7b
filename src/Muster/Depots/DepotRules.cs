using Muster.Infrastructure;
using Muster.Infrastructure.Text;

namespace Muster.Depots;

/// <summary>What every change to an existing depot checks first.</summary>
public static class DepotRules
{
    public static readonly DomainError Conflict = DomainError.Conflict("the depot changed meanwhile; read it again and retry", "depotId");

    /// <summary>
    /// The depot exists, the actor may act on it (admin and logistics on any; a partner on its own agency's),
    /// and it is still open; otherwise the error to answer.
    /// </summary>
    public static DomainError? MayChange(Depot? depot, Actor actor)
    {
        if (depot is null)
        {
            return DomainError.NotFound("no such depot", "depotId");
        }

        if (!MayAct(actor, depot.AgencyId))
        {
            return new DomainError(ErrorCodes.Forbidden, "a partner changes depots of its own agency only", "depotId");
        }

        return depot.Closed ? DomainError.InvalidState("the depot is closed", "depotId") : null;
    }

    public static bool MayAct(Actor actor, Guid agencyId) =>
        actor.Role is Role.Admin or Role.Logistics || (actor.Role == Role.Partner && actor.AgencyId == agencyId);

    /// <summary>A trimmed address, or null when none was given; at most 300 characters.</summary>
    public static Result<string?> Address(string? address)
    {
        return TextRules.Name(address, "address", 300, required: false);
    }
}
