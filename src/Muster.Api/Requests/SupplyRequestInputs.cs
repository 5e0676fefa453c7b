using GraphQL.Types;
using Muster.Api.GraphQL.Scalars;
using Muster.Requests;
using Muster.Spatial;
using Muster.Supplies;

namespace Muster.Api.Requests;

public sealed class SupplyLineInputType : InputObjectGraphType<ItemQuantity>
{
    public SupplyLineInputType()
    {
        Name = "SupplyLineInput";
        Description = "An item by its 7-digit catalog code, and a quantity in the item's unit.";
        Field<NonNullGraphType<StringGraphType>>("itemCode");
        Field<NonNullGraphType<IntGraphType>>("quantity");
    }
}

public sealed record RequestSuppliesInput(
    IReadOnlyList<ItemQuantity> Lines, GeoPoint DeliverTo, string? IncidentId, SupplyPriority Priority, DateTimeOffset? NeededBy, string? AgencyId, string? Note);

public sealed class RequestSuppliesInputType : InputObjectGraphType<RequestSuppliesInput>
{
    public RequestSuppliesInputType()
    {
        Name = "RequestSuppliesInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyLineInputType>>>>("lines")
            .Description($"1 to {RequestRules.MaxLines} lines, one an item, each 1 to {StockRules.MaxMovement}.");
        Field<NonNullGraphType<GeoPointInputType>>("deliverTo");
        Field<IdGraphType>("incidentId").Description("The incident the supplies are for.");
        Field<NonNullGraphType<SupplyPriorityType>>("priority").DefaultValue(SupplyPriority.Normal);
        Field<DateTimeScalar>("neededBy");
        Field<IdGraphType>("agencyId").Description("The requesting agency: a partner's own (the default for a partner); bureau staff may name one, or none for the shared pool only.");
        Field<StringGraphType>("note").Description("At most 500 characters.");
    }
}


/// <summary>The input of a mutation that needs nothing but the request.</summary>
public sealed record SupplyRequestIdInput(string RequestId);

public sealed class ApproveSupplyRequestInputType : InputObjectGraphType<SupplyRequestIdInput>
{
    public ApproveSupplyRequestInputType()
    {
        Name = "ApproveSupplyRequestInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
    }
}

/// <summary>The input of a mutation that needs the request and a reason.</summary>
public sealed record SupplyRequestReasonInput(string RequestId, string Reason);

public sealed class RejectSupplyRequestInputType : InputObjectGraphType<SupplyRequestReasonInput>
{
    public RejectSupplyRequestInputType()
    {
        Name = "RejectSupplyRequestInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}

public sealed class AllocateSupplyRequestInputType : InputObjectGraphType<SupplyRequestIdInput>
{
    public AllocateSupplyRequestInputType()
    {
        Name = "AllocateSupplyRequestInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
    }
}

public sealed record DispatchShipmentInput(string RequestId, string Vehicle, string Driver, DateTimeOffset ExpectedArrival);

public sealed class DispatchShipmentInputType : InputObjectGraphType<DispatchShipmentInput>
{
    public DispatchShipmentInputType()
    {
        Name = "DispatchShipmentInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
        Field<NonNullGraphType<StringGraphType>>("vehicle").Description("Plate or call sign, at most 100 characters.");
        Field<NonNullGraphType<StringGraphType>>("driver").Description("At most 100 characters.");
        Field<NonNullGraphType<DateTimeScalar>>("expectedArrival");
    }
}

public sealed record ConfirmDeliveryInput(string RequestId, IReadOnlyList<ItemQuantity> Received, string? Note);

public sealed class ConfirmDeliveryInputType : InputObjectGraphType<ConfirmDeliveryInput>
{
    public ConfirmDeliveryInputType()
    {
        Name = "ConfirmDeliveryInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyLineInputType>>>>("received")
            .Description("Every shipped item with what arrived, 0 up to what was shipped.");
        Field<StringGraphType>("note").Description("At most 500 characters.");
    }
}

public sealed class CancelSupplyRequestInputType : InputObjectGraphType<SupplyRequestReasonInput>
{
    public CancelSupplyRequestInputType()
    {
        Name = "CancelSupplyRequestInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}

public static class SupplyRequestPayloadType
{
    public sealed class Request() : PayloadType<SupplyRequestType>("RequestSuppliesPayload", "request", "The new request, or why nothing was requested.");

    public sealed class Approve() : PayloadType<SupplyRequestType>("ApproveSupplyRequestPayload", "request", "The approved request, or why it was not approved.");

    public sealed class Reject() : PayloadType<SupplyRequestType>("RejectSupplyRequestPayload", "request", "The rejected request, or why it was not rejected.");

    public sealed class Allocate() : PayloadType<SupplyRequestType>("AllocateSupplyRequestPayload", "request", "The request with its allocations and shortfalls, or why nothing was reserved.");

    public sealed class Dispatch() : PayloadType<SupplyRequestType>("DispatchShipmentPayload", "request", "The request in transit, or why nothing left the depots.");

    public sealed class Confirm() : PayloadType<SupplyRequestType>("ConfirmDeliveryPayload", "request", "The delivered request with any discrepancies, or why the delivery was not recorded.");

    public sealed class Cancel() : PayloadType<SupplyRequestType>("CancelSupplyRequestPayload", "request", "The cancelled request, its stock released, or why it stands.");
}
