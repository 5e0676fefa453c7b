using GraphQL.Types;
using Muster.Api.Agencies;
using Muster.Api.Catalog;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Requests;

namespace Muster.Api.Requests;

public sealed class SupplyRequestType : ObjectGraphType<SupplyRequest>
{
    public const string TypeName = "SupplyRequest";

    /// <summary>What a mutation on an existing one names in its input (see <see cref="Mutation.On"/>).</summary>
    public static readonly Existing Existing = new(TypeName, "supply request");

    /// <summary>Incidents arrive with their own capability; their global ids already have this type name.</summary>
    public const string IncidentTypeName = "Incident";

    public SupplyRequestType()
    {
        Name = TypeName;
        Description = "A request for supplies, from the asking to the delivery: REQUESTED → APPROVED → ALLOCATED or PARTIALLY_ALLOCATED → IN_TRANSIT → DELIVERED; or REJECTED, CANCELLED.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is SupplyRequest;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<SupplyRequestStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<SupplyPriorityType>>("priority").Resolve(c => c.Source.Priority);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyRequestLineType>>>>("lines").Description("What was asked for, one line an item.").Resolve(c => c.Source.Lines);
        Field<NonNullGraphType<GeoPointType>>("deliverTo").Resolve(c => c.Source.DeliverTo);
        Field<IdGraphType>("incidentId").Description("The incident the supplies are for, when one was named.")
            .Resolve(c => c.Source.IncidentId is { } id ? GlobalId.Encode(IncidentTypeName, id) : null);
        Field<DateTimeScalar>("neededBy").Resolve(c => c.Source.NeededBy);
        Field<AgencyType>("agency").Description("The requesting agency; null for a request of the bureau's staff for the city.")
            .Resolve(c => c.Source.AgencyId is { } id ? AgencyNodeSource.Loader(c.RequestServices!).Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyAllocationType>>>>("allocations")
            .Description("Stock reserved for the request, one entry a depot's stock line, nearest first; empty until allocated and after a release.")
            .Resolve(c => c.Source.Allocations.OrderBy(a => a.DistanceMeters).ThenBy(a => a.ItemCode, StringComparer.Ordinal).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyShortfallType>>>>("shortfalls")
            .Description("What the last allocation could not find in the depots the requester may draw on.").Resolve(c => c.Source.Shortfalls);
        Field<DateTimeScalar>("allocatedAt").Description("When stock was first reserved; the hold time-out counts from here.").Resolve(c => c.Source.AllocatedAt);
        Field<SupplyShipmentType>("shipment").Description("Null until dispatched.").Resolve(c => c.Source.Shipment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyLineType>>>>("received").Description("What was counted on arrival.").Resolve(c => c.Source.Received);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyDiscrepancyType>>>>("discrepancies")
            .Description("Items that arrived short.").Resolve(c => c.Source.Discrepancies);
        Field<DateTimeScalar>("deliveredAt").Resolve(c => c.Source.DeliveredAt);
        Field<NonNullGraphType<DateTimeScalar>>("requestedAt").Resolve(c => c.Source.RequestedAt);
        Field<NonNullGraphType<DateTimeScalar>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
        Field<StringGraphType>("note").Resolve(c => c.Source.Note);
        Field<StringGraphType>("decisionReason").Description("Why it was rejected or cancelled.").Resolve(c => c.Source.DecisionReason);
    }
}

public sealed class SupplyRequestStatusType : EnumerationGraphType<SupplyRequestStatus>
{
    public SupplyRequestStatusType()
    {
        Name = "SupplyRequestStatus";
        Description = "Where a supply request stands.";
    }
}

public sealed class SupplyPriorityType : EnumerationGraphType<SupplyPriority>
{
    public SupplyPriorityType()
    {
        Name = "SupplyPriority";
        Description = "How urgent a supply request is.";
    }
}

public sealed class SupplyRequestLineType : ObjectGraphType<ItemQuantity>
{
    public SupplyRequestLineType()
    {
        Name = "SupplyRequestLine";
        Description = "An item and how much of it, in the item's unit.";
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<ItemType>>("item").Resolve(c => ItemNodeSource.ByCode(c.RequestServices!).Load(c.Source.ItemCode));
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
    }
}

public sealed class SupplyLineType : ObjectGraphType<ItemQuantity>
{
    public SupplyLineType()
    {
        Name = "SupplyLine";
        Description = "A quantity of an item, in the item's unit.";
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
    }
}

public sealed class SupplyShortfallType : ObjectGraphType<ItemQuantity>
{
    public SupplyShortfallType()
    {
        Name = "SupplyShortfall";
        Description = "How much of an item no drawable depot could supply.";
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
    }
}

public sealed class SupplyDiscrepancyType : ObjectGraphType<Discrepancy>
{
    public SupplyDiscrepancyType()
    {
        Name = "SupplyDiscrepancy";
        Description = "An item that arrived short of what was shipped.";
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<NonNullGraphType<IntGraphType>>("shipped").Resolve(c => c.Source.Shipped);
        Field<NonNullGraphType<IntGraphType>>("received").Resolve(c => c.Source.Received);
    }
}
