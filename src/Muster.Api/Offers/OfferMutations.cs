using GraphQL;
using GraphQL.Types;
using Muster.Api.Depots;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Infrastructure;
using Muster.Offers;
using Muster.Offers.Accepting;
using Muster.Offers.Declining;

namespace Muster.Api.Offers;

/// <summary>Deciding on offers made through EDXL-RM OfferUnsolicitedResource. Logistics or admin.</summary>
public static class OfferMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AcceptResourceOfferPayloadType>>("acceptResourceOffer")
            .Description("Accepts an OFFERED resource offer into a depot: its stock is received there as a donation, in the same transaction. Logistics or admin.")
            .Argument<NonNullGraphType<AcceptResourceOfferInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics)
            .ResolveAsync(Mutation.On(ResourceOfferType.Existing, i => i.OfferId,
                (AcceptOfferHandler offers, Guid offerId, AcceptResourceOfferInput input, CancellationToken ct) =>
                    GlobalId.Of(DepotType.TypeName, input.DepotId) is { } depot
                        ? offers.Handle(new AcceptOffer(offerId, depot), ct)
                        : Task.FromResult<Result<Offer>>(DomainError.NotFound("no such depot", "depotId"))));

        mutation.Field<NonNullGraphType<DeclineResourceOfferPayloadType>>("declineResourceOffer")
            .Description("Declines an OFFERED resource offer, saying why. Logistics or admin.")
            .Argument<NonNullGraphType<DeclineResourceOfferInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics)
            .ResolveAsync(Mutation.On(ResourceOfferType.Existing, i => i.OfferId,
                (DeclineOfferHandler offers, Guid offerId, DeclineResourceOfferInput input, CancellationToken ct) =>
                    offers.Handle(new DeclineOffer(offerId, input.Reason), ct)));
    }
}

public sealed record AcceptResourceOfferInput(string OfferId, string DepotId);

public sealed class AcceptResourceOfferInputType : InputObjectGraphType<AcceptResourceOfferInput>
{
    public AcceptResourceOfferInputType()
    {
        Name = "AcceptResourceOfferInput";
        Field<NonNullGraphType<IdGraphType>>("offerId");
        Field<NonNullGraphType<IdGraphType>>("depotId").Description("The depot that receives the offered stock.");
    }
}

public sealed record DeclineResourceOfferInput(string OfferId, string Reason);

public sealed class DeclineResourceOfferInputType : InputObjectGraphType<DeclineResourceOfferInput>
{
    public DeclineResourceOfferInputType()
    {
        Name = "DeclineResourceOfferInput";
        Field<NonNullGraphType<IdGraphType>>("offerId");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why, 1 to 500 characters; the offering agency sees it.");
    }
}

public sealed class AcceptResourceOfferPayloadType()
    : PayloadType<ResourceOfferType>("AcceptResourceOfferPayload", "offer", "The accepted offer, or why nothing was received.");

public sealed class DeclineResourceOfferPayloadType()
    : PayloadType<ResourceOfferType>("DeclineResourceOfferPayload", "offer", "The declined offer, or why it stands.");
