using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;

namespace Muster.Offers.Declining;

public sealed record DeclineOffer(Guid OfferId, string Reason);

public static class DeclineOfferDecision
{
    public static Result<OfferDeclined> Decide(Offer? offer, DeclineOffer command, Actor actor)
    {
        if (OfferRules.MayDecide(offer, actor, "declines") is { } refused)
        {
            return refused;
        }

        var reason = StockRules.Text(command.Reason, "reason", required: true);
        return reason.Succeeded ? new OfferDeclined(offer!.Id, reason.Value!) : Result<OfferDeclined>.Fail(reason.Errors);
    }
}

public sealed class DeclineOfferHandler(EventWriter writer)
{
    public Task<Result<Offer>> Handle(DeclineOffer command, CancellationToken ct) =>
        writer.ChangeAsync<Offer, OfferDeclined>(command.OfferId, (offer, actor) => DeclineOfferDecision.Decide(offer, command, actor),
            DomainError.Conflict("the offer was decided meanwhile; read it again", "offerId"), ct);
}
