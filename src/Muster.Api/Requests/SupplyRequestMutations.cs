using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Infrastructure;
using Muster.Requests;
using Muster.Requests.Allocating;
using Muster.Requests.Approving;
using Muster.Requests.Cancelling;
using Muster.Requests.Delivering;
using Muster.Requests.Dispatching;
using Muster.Requests.Rejecting;
using Muster.Requests.Requesting;
using Muster.Spatial;

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
            .ResolveAsync(async context =>
            {
                var input = Input(context);
                Guid? agencyId = null;
                if (input.GetValueOrDefault("agencyId") is string agency)
                {
                    agencyId = GlobalId.Of(GlobalId.Agency, agency);
                    if (agencyId is null)
                    {
                        return Payload.NotFound("agency", "agencyId");
                    }
                }

                Guid? incidentId = null;
                if (input.GetValueOrDefault("incidentId") is string incident)
                {
                    incidentId = GlobalId.Of(SupplyRequestType.IncidentTypeName, incident);
                    if (incidentId is null)
                    {
                        return new Payload(null, [DomainError.Validation("incidentId is not an incident's id", "incidentId")]);
                    }
                }

                var command = new RequestSupplies(Lines(input["lines"]), (GeoPoint)input["deliverTo"]!, incidentId, (SupplyPriority)input["priority"]!,
                    input.GetValueOrDefault("neededBy") as DateTimeOffset?, agencyId, input.GetValueOrDefault("note") as string);
                return Payload.From(await Handler<RequestSuppliesHandler>(context).Handle(command, context.CancellationToken));
            });

        Change<ApproveSupplyRequestInputType, SupplyRequestPayloadType.Approve>(mutation, "approveSupplyRequest",
            "Approves a REQUESTED request. Logistics and admin.", [Roles.Admin, Roles.Logistics],
            (context, id, _) => Handler<ApproveSupplyRequestHandler>(context).Handle(new ApproveSupplyRequest(id), context.CancellationToken));

        Change<RejectSupplyRequestInputType, SupplyRequestPayloadType.Reject>(mutation, "rejectSupplyRequest",
            "Rejects a REQUESTED or APPROVED request, with the reason. Logistics and admin.", [Roles.Admin, Roles.Logistics],
            (context, id, input) => Handler<RejectSupplyRequestHandler>(context).Handle(new RejectSupplyRequest(id, (string)input["reason"]!), context.CancellationToken));

        Change<AllocateSupplyRequestInputType, SupplyRequestPayloadType.Allocate>(mutation, "allocateSupplyRequest",
            "Reserves what the request still lacks from the nearest depots the requesting agency may draw on (the open shared pool and its own); "
            + "what none holds is returned as shortfalls. Approves a REQUESTED request on the way; on a PARTIALLY_ALLOCATED one, tops up what is missing. "
            + "Never reserves the same stock twice: a lost race is retried, then answered CONFLICT. Logistics and admin.",
            [Roles.Admin, Roles.Logistics],
            (context, id, _) => Handler<AllocateSupplyRequestHandler>(context).Handle(new AllocateSupplyRequest(id), context.CancellationToken));

        Change<DispatchShipmentInputType, SupplyRequestPayloadType.Dispatch>(mutation, "dispatchShipment",
            "Ships everything allocated: each reservation is issued from its depot, first-expiring lots first. Logistics and admin.", [Roles.Admin, Roles.Logistics],
            (context, id, input) => Handler<DispatchShipmentHandler>(context).Handle(
                new DispatchShipment(id, (string)input["vehicle"]!, (string)input["driver"]!, (DateTimeOffset)input["expectedArrival"]!), context.CancellationToken));

        Change<ConfirmDeliveryInputType, SupplyRequestPayloadType.Confirm>(mutation, "confirmDelivery",
            "Records what arrived; less than shipped is kept as discrepancies. Logistics, admin, or a partner of the requesting agency.",
            [Roles.Admin, Roles.Logistics, Roles.Partner],
            (context, id, input) => Handler<ConfirmDeliveryHandler>(context).Handle(
                new ConfirmDelivery(id, Lines(input["received"]), input.GetValueOrDefault("note") as string), context.CancellationToken));

        Change<CancelSupplyRequestInputType, SupplyRequestPayloadType.Cancel>(mutation, "cancelSupplyRequest",
            "Withdraws a request before it ships and releases every reservation it holds. Logistics, admin, or a partner of the requesting agency.",
            [Roles.Admin, Roles.Logistics, Roles.Partner],
            (context, id, input) => Handler<CancelSupplyRequestHandler>(context).Handle(new CancelSupplyRequest(id, (string)input["reason"]!), context.CancellationToken));
    }

    /// <summary>A mutation on an existing request: its input carries <c>requestId</c>; an id that is not a request's is NOT_FOUND.</summary>
    private static void Change<TInput, TPayload>(ObjectGraphType mutation, string name, string description, string[] roles,
        Func<IResolveFieldContext, Guid, Dictionary<string, object?>, Task<Result<SupplyRequest>>> handle)
        where TInput : IInputObjectGraphType
        where TPayload : IGraphType =>
        mutation.Field<NonNullGraphType<TPayload>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input")
            .AuthorizeWithRoles(roles)
            .ResolveAsync(async context =>
            {
                var input = Input(context);
                return GlobalId.Of(SupplyRequestType.TypeName, (string)input["requestId"]!) is { } id
                    ? Payload.From(await handle(context, id, input))
                    : Payload.NotFound("supply request", "requestId");
            });

    private static List<ItemQuantity> Lines(object? lines) =>
        ((IEnumerable<object?>)lines!).Cast<Dictionary<string, object?>>()
            .Select(l => new ItemQuantity((string)l["itemCode"]!, (int)l["quantity"]!))
            .ToList();

    private static Dictionary<string, object?> Input(IResolveFieldContext context) => context.GetArgument<Dictionary<string, object?>>("input");

    private static T Handler<T>(IResolveFieldContext context)
        where T : notnull => context.RequestServices!.GetRequiredService<T>();
}
