using Muster.Catalog;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Supplies;
using Muster.Supplies.Receiving;

namespace Muster.Offers.Accepting;

/// <summary>Logistics takes an offer into one of its depots.</summary>
public sealed record AcceptOffer(Guid OfferId, Guid DepotId);

/// <summary>The offer accepted, and its stock received into the depot as a donation.</summary>
public sealed record OfferAcceptance(OfferAccepted Accepted, StockReceived Received);

public static class AcceptOfferDecision
{
    /// <summary>
    /// Only an OFFERED offer, by logistics or an admin; the stock then goes through the receipt's own rules (the depot
    /// takes stock from the caller, the lot keeps one expiry, expired stock is refused).
    /// </summary>
    public static Result<OfferAcceptance> Decide(Offer? offer, Depot? depot, Item? item, StockLine? line, AcceptOffer command, Actor actor, DateOnly today)
    {
        if (OfferRules.MayDecide(offer, actor, "accepts") is { } refused)
        {
            return refused;
        }

        var receipt = ReceiveStockDecision.Decide(depot, item, line,
            new ReceiveStock(command.DepotId, offer!.ItemCode, offer.Quantity, offer.Lot, offer.ExpiresOn, StockSource.Donated, Note(offer)),
            actor, today);
        return receipt.Succeeded
            ? new OfferAcceptance(new OfferAccepted(offer.Id, command.DepotId), receipt.Value!)
            : Result<OfferAcceptance>.Fail(receipt.Errors);
    }

    private static string Note(Offer offer)
    {
        var note = $"resource offer {offer.Id:N}" + (offer.Description is { } d ? ": " + d : string.Empty);
        return note.Length > StockRules.MaxTextLength ? note[..StockRules.MaxTextLength] : note;
    }
}

public sealed class AcceptOfferHandler(EventWriter writer, TimeProvider time)
{
    public static readonly DomainError Conflict = DomainError.Conflict("the offer was decided meanwhile; read it again", "offerId");

    /// <summary>The offer's stream and the depot's stock line commit together or not at all; a second accept loses with CONFLICT.</summary>
    public Task<Result<Offer>> Handle(AcceptOffer command, CancellationToken ct) =>
        writer.WriteAsync<Offer>(
            async (session, actor, token) =>
            {
                var offer = await session.Events.FetchForWriting<Offer>(command.OfferId, token);
                var itemCode = offer.Aggregate?.ItemCode ?? string.Empty;
                var line = offer.Aggregate is null ? null : await LineForWriting.FetchAsync(session, command.DepotId, itemCode, token);
                var decision = AcceptOfferDecision.Decide(
                    offer.Aggregate, line?.Depot, line?.Item, line?.Line, command, actor, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
                if (!decision.Succeeded)
                {
                    return Result<Written<Offer>>.Fail(decision.Errors);
                }

                offer.AppendOne(decision.Value!.Accepted);
                line!.Stream.AppendOne(decision.Value.Received);
                return Written.To(offer);
            },
            Conflict, ct);
}
