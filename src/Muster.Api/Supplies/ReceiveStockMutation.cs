using GraphQL;
using GraphQL.Types;
using Muster.Api.Depots;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Scalars;
using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Supplies.Levels;
using Muster.Supplies.Receiving;

namespace Muster.Api.Supplies;

public static class ReceiveStockMutation
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<StockPayloadType.Receive>>("receiveStock")
            .Description("Books a lot of an item into a depot. Admin, logistics, or a partner for its own agency's depots.")
            .Argument<NonNullGraphType<ReceiveStockInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.On(DepotType.Existing, i => i.DepotId,
                (ReceiveStockHandler stock, Guid depotId, ReceiveStockInput input, CancellationToken ct) => stock.Handle(
                    new ReceiveStock(depotId, input.ItemCode, input.Quantity, input.Lot, input.ExpiresOn, input.Source, input.Note), ct)));
}

public sealed record ReceiveStockInput(string DepotId, string ItemCode, int Quantity, string? Lot, DateOnly? ExpiresOn, StockSource Source, string? Note);

public sealed class ReceiveStockInputType : InputObjectGraphType<ReceiveStockInput>
{
    public ReceiveStockInputType()
    {
        Name = "ReceiveStockInput";
        Field<NonNullGraphType<IdGraphType>>("depotId");
        Field<NonNullGraphType<StringGraphType>>("itemCode").Description("The item's 7-digit catalog code.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description($"In the item's unit, 1 to {StockRules.MaxMovement}.");
        Field<StringGraphType>("lot").Description("Lot (batch) number; without one the lot is named after the day, e.g. R20261129.");
        Field<DateScalar>("expiresOn").Description("Without one, an item with a shelf life expires that many days from today.");
        Field<NonNullGraphType<StockSourceType>>("source").DefaultValue(StockSource.Procured);
        Field<StringGraphType>("note").Description("Delivery note, donor, or the like; at most 500 characters.");
    }
}

public sealed class StockSourceType : EnumerationGraphType<StockSource>
{
    public StockSourceType()
    {
        Name = "StockSource";
        Description = "Where received stock came from.";
    }
}

/// <summary>The payloads of stock movements: the depot, the stock line's level after the change, or the errors.</summary>
public abstract class StockPayloadType : ObjectGraphType<Payload>
{
    protected StockPayloadType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<DepotType>("depot").Resolve(c => c.Source.Value is StockLine line ? DepotNodeSource.Loader(c.RequestServices!).Load(line.DepotId) : null);
        Field<StockLevelType>("stockLevel")
            .Description("The stock line after the change.")
            .ResolveAsync(async c => c.Source.Value is StockLine line
                ? (await c.RequestServices!.GetRequiredService<StockLevels>().ByIdsAsync([line.Id], c.CancellationToken)).GetValueOrDefault(line.Id)
                : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("Empty when the change was made.")
            .Resolve(c => c.Source.Errors);
    }

    public sealed class Receive() : StockPayloadType("ReceiveStockPayload", "The depot and its stock line after the receipt, or why nothing was received.");

    public sealed class Adjust() : StockPayloadType("AdjustStockPayload", "The depot and its stock line after the count correction, or why nothing changed.");

    public sealed class WriteOff() : StockPayloadType("WriteOffStockPayload", "The depot and its stock line after the write-off, or why nothing was written off.");
}
