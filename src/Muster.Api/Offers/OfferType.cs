using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.Catalog;
using Muster.Api.Depots;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Offers;

namespace Muster.Api.Offers;

public sealed class ResourceOfferType : ObjectGraphType<Offer>
{
    public const string TypeName = "ResourceOffer";

    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(TypeName, "resource offer");

    public ResourceOfferType()
    {
        Name = TypeName;
        Description = "Stock an agency offers to the shared pool unasked (EDXL-RM OfferUnsolicitedResource); logistics accepts it into a depot or declines it.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<ResourceOfferStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<AgencyType>>("agency").Description("The offering agency.").Resolve(c => AgencyNodeSource.Loader(c.RequestServices!).Load(c.Source.AgencyId));
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<ItemType>>("item").Resolve(c => ItemNodeSource.ByCode(c.RequestServices!).Load(c.Source.ItemCode));
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("In the item's unit.").Resolve(c => c.Source.Quantity);
        Field<StringGraphType>("lot").Description("The lot it is received under; named after the day of acceptance when absent.").Resolve(c => c.Source.Lot);
        Field<DateScalar>("expiresOn").Resolve(c => c.Source.ExpiresOn);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<GeoPointType>("location").Description("Where the stock is now, when the offer said.").Resolve(c => c.Source.Location);
        Field<StringGraphType>("locationDescription").Resolve(c => c.Source.LocationDescription);
        Field<StringGraphType>("messageId").Description("The EDXL-RM MessageID of the offer.").Resolve(c => c.Source.MessageId);
        Field<NonNullGraphType<DateTimeScalar>>("offeredAt").Resolve(c => c.Source.OfferedAt);
        Field<DepotType>("depot").Description("The depot it was received into, once ACCEPTED.")
            .Resolve(c => c.Source.DepotId is { } depot ? DepotNodeSource.Loader(c.RequestServices!).Load(depot) : null);
        Field<StringGraphType>("declineReason").Resolve(c => c.Source.DeclineReason);
        Field<DateTimeScalar>("decidedAt").Description("When it was accepted or declined.").Resolve(c => c.Source.DecidedAt);
    }
}

public sealed class ResourceOfferStatusType : EnumerationGraphType<OfferStatus>
{
    public ResourceOfferStatusType()
    {
        Name = "ResourceOfferStatus";
        Description = "OFFERED → ACCEPTED into a depot, or DECLINED.";
    }
}
