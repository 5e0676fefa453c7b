using GraphQL.Types;
using Muster.Api.GraphQL.Scalars;
using Muster.Requests;
using Muster.Supplies;

namespace Muster.Api.Requests;

public sealed class SupplyLineInputType : InputObjectGraphType
{
    public SupplyLineInputType()
    {
        Name = "SupplyLineInput";
        Description = "An item by its 7-digit catalog code, and a quantity in the item's unit.";
        Field<NonNullGraphType<StringGraphType>>("itemCode");
        Field<NonNullGraphType<IntGraphType>>("quantity");
    }
}

public sealed class RequestSuppliesInputType : InputObjectGraphType
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


public sealed class ApproveSupplyRequestInputType : InputObjectGraphType
{
    public ApproveSupplyRequestInputType()
    {
        Name = "ApproveSupplyRequestInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
    }
}

public sealed class RejectSupplyRequestInputType : InputObjectGraphType
{
    public RejectSupplyRequestInputType()
    {
        Name = "RejectSupplyRequestInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}

public sealed class AllocateSupplyRequestInputType : InputObjectGraphType
{
    public AllocateSupplyRequestInputType()
    {
        Name = "AllocateSupplyRequestInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
    }
}

public sealed class DispatchShipmentInputType : InputObjectGraphType
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

public sealed class ConfirmDeliveryInputType : InputObjectGraphType
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

public sealed class CancelSupplyRequestInputType : InputObjectGraphType
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
