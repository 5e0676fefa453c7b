using Marten;
using Muster.Catalog;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Spatial;
using Muster.Supplies;

namespace Muster.Offers.Offering;

/// <summary>An agency offers stock to the shared pool: an item, how much, optionally its lot and expiry, and where it is.</summary>
public sealed record OfferResource(
    string ItemCode, int Quantity, string? Lot, DateOnly? ExpiresOn, string? Description, GeoPoint? Location, string? LocationDescription, string? MessageId);

public static class OfferResourceDecision
{
    /// <summary>The offer, or why not: it speaks for the caller's agency, names a catalog item, and holds what a receipt would take.</summary>
    public static Result<ResourceOffered> Decide(OfferResource command, Item? item, Actor actor, Guid newId, DateOnly today)
    {
        if (actor.AgencyId is not { } agency)
        {
            return new DomainError(ErrorCodes.Forbidden, "an offer speaks for an agency: offer with a token of the offering agency");
        }

        if ((StockRules.Item(command.ItemCode, item) ?? StockRules.Quantity(command.Quantity)) is { } refused)
        {
            return refused;
        }

        var lot = TextRules.Name(command.Lot, "lot", StockRules.MaxLotLength, required: false);
        var description = TextRules.FreeText(command.Description, "description", OfferRules.MaxTextLength);
        var where = TextRules.FreeText(command.LocationDescription, "locationDescription", OfferRules.MaxTextLength);
        var messageId = TextRules.Name(command.MessageId, "messageId", OfferRules.MaxTextLength, required: false);
        if (new[] { lot, description, where, messageId }.SelectMany(r => r.Errors).FirstOrDefault() is { } badText)
        {
            return badText;
        }

        if (command.ExpiresOn <= today)
        {
            return DomainError.Validation($"the stock expired on {command.ExpiresOn:yyyy-MM-dd}: expired stock is not taken", "expiresOn");
        }

        if (command.Location is { } at && GeoPoint.Check(at.Lat, at.Lon) is { } badPoint)
        {
            return badPoint;
        }

        return new ResourceOffered(newId, agency, command.ItemCode, command.Quantity, lot.Value, command.ExpiresOn, description.Value,
            command.Location, where.Value, messageId.Value);
    }
}

public sealed class OfferResourceHandler(EventWriter writer, TimeProvider time)
{
    public Task<Result<Offer>> Handle(OfferResource command, CancellationToken ct) =>
        writer.StartAsync<Offer, ResourceOffered>(
            async (session, actor, token) => OfferResourceDecision.Decide(
                command,
                ItemCode.Check(command.ItemCode) is null ? await session.LoadAsync<Item>(ItemCode.StreamId(command.ItemCode), token) : null,
                actor, Guid.CreateVersion7(), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)),
            e => e.OfferId, null, ct);
}
