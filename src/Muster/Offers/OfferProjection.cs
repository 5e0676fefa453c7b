using Muster.Infrastructure.Writing;

namespace Muster.Offers;

/// <summary>Keeps the <see cref="Offer"/> document in step with its stream (inline: an accepted offer leaves the list at once).</summary>
public partial class OfferProjection : AggregateProjection<Offer>;
