using JasperFx.Events;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Offers;

/// <summary>
/// Stock an agency offers to the shared pool unasked (EDXL-RM OfferUnsolicitedResource): logistics accepts it into a
/// depot, where it is received as a donation, or declines it.
/// </summary>
public sealed record Offer(
    Guid Id,
    Guid AgencyId,
    string ItemCode,
    int Quantity,
    string? Lot,
    DateOnly? ExpiresOn,
    string? Description,
    GeoPoint? Location,
    string? LocationDescription,
    string? MessageId,
    OfferStatus Status,
    DateTimeOffset OfferedAt,
    Guid? DepotId,
    string? DeclineReason,
    DateTimeOffset? DecidedAt) : IAggregate<Offer>
{
    public static Offer? After(Offer? offer, IEvent e) => (offer, e.Data) switch
    {
        (_, ResourceOffered offered) => OfferEvolution.Create(offered, e.Timestamp),
        (Offer current, OfferAccepted accepted) => current with { Status = OfferStatus.Accepted, DepotId = accepted.DepotId, DecidedAt = e.Timestamp },
        (Offer current, OfferDeclined declined) => current with { Status = OfferStatus.Declined, DeclineReason = declined.Reason, DecidedAt = e.Timestamp },
        _ => offer,
    };
}

public enum OfferStatus
{
    Offered,
    Accepted,
    Declined,
}

/// <summary>How an offer follows from its first event; pure.</summary>
public static class OfferEvolution
{
    public static Offer Create(ResourceOffered e, DateTimeOffset at) => new(
        e.OfferId, e.AgencyId, e.ItemCode, e.Quantity, e.Lot, e.ExpiresOn, e.Description, e.Location, e.LocationDescription, e.MessageId,
        OfferStatus.Offered, at, null, null, null);
}
