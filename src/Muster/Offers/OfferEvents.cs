using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Offers;

public sealed record ResourceOffered(
    Guid OfferId, Guid AgencyId, string ItemCode, int Quantity, string? Lot, DateOnly? ExpiresOn, string? Description,
    GeoPoint? Location, string? LocationDescription, string? MessageId) : IEventOf<Offer>;

/// <summary>The offer taken into a depot; the stock line's StockReceived is written in the same transaction.</summary>
public sealed record OfferAccepted(Guid OfferId, Guid DepotId) : IEventOf<Offer>;

public sealed record OfferDeclined(Guid OfferId, string Reason) : IEventOf<Offer>;
