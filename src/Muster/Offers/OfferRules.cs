using Muster.Infrastructure;

namespace Muster.Offers;

public static class OfferRules
{
    public const int MaxTextLength = 500;

    /// <summary>The city's own roles see every offer; a partner those of its own agency.</summary>
    public static bool MaySee(Actor actor, Offer offer) =>
        actor.Role != Role.Partner || (actor.AgencyId is { } agency && agency == offer.AgencyId);

    /// <summary>Only logistics and admins take or turn down an offer; a caller who may not see it learns nothing of it.</summary>
    public static DomainError? MayDecide(Offer? offer, Actor actor, string verb)
    {
        if (offer is null || !MaySee(actor, offer))
        {
            return DomainError.NotFound("no such resource offer", "offerId");
        }

        if (!actor.IsIn(Role.Admin, Role.Logistics))
        {
            return new DomainError(ErrorCodes.Forbidden, $"only logistics or an admin {verb} a resource offer");
        }

        // Someone decided first: the same answer whether the other writer committed a moment or a day ago.
        return offer.Status == OfferStatus.Offered
            ? null
            : DomainError.Conflict($"the offer is already {offer.Status.ToString().ToUpperInvariant()}", "offerId");
    }
}
