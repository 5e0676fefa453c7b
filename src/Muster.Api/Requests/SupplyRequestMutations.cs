using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;
using Muster.Requests;
using Muster.Requests.Allocating;
using Muster.Requests.Approving;
using Muster.Requests.Cancelling;
using Muster.Requests.Delivering;
using Muster.Requests.Dispatching;
using Muster.Requests.Rejecting;
using Muster.Requests.Requesting;

namespace Muster.Api.Requests;

/// <summary>The life of a supply request: partners and commanders ask, logistics staff approve, allocate and ship, the requester confirms.</summary>
public static class SupplyRequestMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SupplyRequestPayloadType.Request>>("requestSupplies")
            .Description("Asks for supplies to be delivered to a point. Partners (for their own agency), commanders, logistics, admin.")
            .Argument<NonNullGraphType<RequestSuppliesInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Commander, Roles.Partner)
            .ResolveAsync(Mutation.Run(async (RequestSuppliesHandler requests, RequestSuppliesInput input, CancellationToken ct) =>
            {
                var agencyId = input.AgencyId is { } agency ? GlobalId.Of(GlobalId.Agency, agency) : null;
                if (input.AgencyId is not null && agencyId is null)
                {
                    return Result<SupplyRequest>.Fail(DomainError.NotFound("no such agency", "agencyId"));
                }

                var incidentId = input.IncidentId is { } incident ? GlobalId.Of(SupplyRequestType.IncidentTypeName, incident) : null;
                if (input.IncidentId is not null && incidentId is null)
                {
                    return Result<SupplyRequest>.Fail(DomainError.Validation("incidentId is not an incident's id", "incidentId"));
                }

                return await requests.Handle(
                    new RequestSupplies(input.Lines, input.DeliverTo, incidentId, input.Priority, input.NeededBy, agencyId, input.Note), ct);
            }));

        mutation.Field<NonNullGraphType<SupplyRequestPayloadType.Approve>>("approveSupplyRequest")
            .Description("Approves a REQUESTED request. Logistics and admin.")
            .Argument<NonNullGraphType<ApproveSupplyRequestInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics)
            .ResolveAsync(Mutation.On(SupplyRequestType.Existing, i => i.RequestId,
                (ApproveSupplyRequestHandler requests, Guid requestId, SupplyRequestIdInput _, CancellationToken ct) =>
                    requests.Handle(new ApproveSupplyRequest(requestId), ct)));

        mutation.Field<NonNullGraphType<SupplyRequestPayloadType.Reject>>("rejectSupplyRequest")
            .Description("Rejects a REQUESTED or APPROVED request, with the reason. Logistics and admin.")
            .Argument<NonNullGraphType<RejectSupplyRequestInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics)
            .ResolveAsync(Mutation.On(SupplyRequestType.Existing, i => i.RequestId,
                (RejectSupplyRequestHandler requests, Guid requestId, SupplyRequestReasonInput input, CancellationToken ct) =>
                    requests.Handle(new RejectSupplyRequest(requestId, input.Reason), ct)));

        mutation.Field<NonNullGraphType<SupplyRequestPayloadType.Allocate>>("allocateSupplyRequest")
            .Description("Reserves what the request still lacks from the nearest depots the requesting agency may draw on (the open shared pool and its own); "
                + "what none holds is returned as shortfalls. Approves a REQUESTED request on the way; on a PARTIALLY_ALLOCATED one, tops up what is missing. "
                + "Never reserves the same stock twice: a lost race is retried, then answered CONFLICT. Logistics and admin.")
            .Argument<NonNullGraphType<AllocateSupplyRequestInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics)
            .ResolveAsync(Mutation.On(SupplyRequestType.Existing, i => i.RequestId,
                (AllocateSupplyRequestHandler requests, Guid requestId, SupplyRequestIdInput _, CancellationToken ct) =>
                    requests.Handle(new AllocateSupplyRequest(requestId), ct)));

        mutation.Field<NonNullGraphType<SupplyRequestPayloadType.Dispatch>>("dispatchShipment")
            .Description("Ships everything allocated: each reservation is issued from its depot, first-expiring lots first. Logistics and admin.")
            .Argument<NonNullGraphType<DispatchShipmentInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics)
            .ResolveAsync(Mutation.On(SupplyRequestType.Existing, i => i.RequestId,
                (DispatchShipmentHandler requests, Guid requestId, DispatchShipmentInput input, CancellationToken ct) =>
                    requests.Handle(new DispatchShipment(requestId, input.Vehicle, input.Driver, input.ExpectedArrival), ct)));

        mutation.Field<NonNullGraphType<SupplyRequestPayloadType.Confirm>>("confirmDelivery")
            .Description("Records what arrived; less than shipped is kept as discrepancies. Logistics, admin, or a partner of the requesting agency.")
            .Argument<NonNullGraphType<ConfirmDeliveryInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.On(SupplyRequestType.Existing, i => i.RequestId,
                (ConfirmDeliveryHandler requests, Guid requestId, ConfirmDeliveryInput input, CancellationToken ct) =>
                    requests.Handle(new ConfirmDelivery(requestId, input.Received, input.Note), ct)));

        mutation.Field<NonNullGraphType<SupplyRequestPayloadType.Cancel>>("cancelSupplyRequest")
            .Description("Withdraws a request before it ships and releases every reservation it holds. Logistics, admin, or a partner of the requesting agency.")
            .Argument<NonNullGraphType<CancelSupplyRequestInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.On(SupplyRequestType.Existing, i => i.RequestId,
                (CancelSupplyRequestHandler requests, Guid requestId, SupplyRequestReasonInput input, CancellationToken ct) =>
                    requests.Handle(new CancelSupplyRequest(requestId, input.Reason), ct)));
    }
}
