using GraphQL;
using GraphQL.Types;
using Muster.Api.Depots;
using Muster.Api.GraphQL;
using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Supplies.Counting;
using Muster.Supplies.WritingOff;

namespace Muster.Api.Supplies;

/// <summary>Count corrections and write-offs on a stock line: admin, logistics, or a partner for its own agency's depots.</summary>
public static class StockMovementMutations
{
    private const string Who = " Admin, logistics, or a partner for its own agency's depots.";

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<StockPayloadType.Adjust>>("adjustStock")
            .Description("Corrects a lot to what a count found on the shelf, with the reason; it may not leave less on hand than is reserved." + Who)
            .Argument<NonNullGraphType<AdjustStockInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.On(DepotType.Existing, i => i.DepotId,
                (AdjustStockHandler stock, Guid depotId, AdjustStockInput input, CancellationToken ct) => stock.Handle(
                    new AdjustStock(depotId, input.ItemCode, input.Lot, input.CountedQuantity, input.Reason), ct)));

        mutation.Field<NonNullGraphType<StockPayloadType.WriteOff>>("writeOffStock")
            .Description("Takes unreserved stock of a lot off the books: expired or damaged." + Who)
            .Argument<NonNullGraphType<WriteOffStockInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.On(DepotType.Existing, i => i.DepotId,
                (WriteOffStockHandler stock, Guid depotId, WriteOffStockInput input, CancellationToken ct) => stock.Handle(
                    new WriteOffStock(depotId, input.ItemCode, input.Lot, input.Quantity, input.Reason, input.Note), ct)));
    }
}

public sealed record AdjustStockInput(string DepotId, string ItemCode, string Lot, int CountedQuantity, string Reason);

public sealed class AdjustStockInputType : InputObjectGraphType<AdjustStockInput>
{
    public AdjustStockInputType()
    {
        Name = "AdjustStockInput";
        Field<NonNullGraphType<IdGraphType>>("depotId");
        Field<NonNullGraphType<StringGraphType>>("itemCode").Description("The item's 7-digit catalog code.");
        Field<NonNullGraphType<StringGraphType>>("lot").Description("The lot counted; it must be on the shelf.");
        Field<NonNullGraphType<IntGraphType>>("countedQuantity").Description("What the count found of the lot, 0 or more.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why the books were wrong (e.g. 月度盘点); 1 to 500 characters.");
    }
}

public sealed record WriteOffStockInput(string DepotId, string ItemCode, string Lot, int Quantity, WriteOffReason Reason, string? Note);

public sealed class WriteOffStockInputType : InputObjectGraphType<WriteOffStockInput>
{
    public WriteOffStockInputType()
    {
        Name = "WriteOffStockInput";
        Field<NonNullGraphType<IdGraphType>>("depotId");
        Field<NonNullGraphType<StringGraphType>>("itemCode").Description("The item's 7-digit catalog code.");
        Field<NonNullGraphType<StringGraphType>>("lot").Description("The lot written off; it must be on the shelf.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description($"1 to {StockRules.MaxMovement}, at most the lot's and the unreserved quantity.");
        Field<NonNullGraphType<WriteOffReasonType>>("reason");
        Field<StringGraphType>("note").Description("What happened (e.g. 水浸受潮); at most 500 characters.");
    }
}

public sealed class WriteOffReasonType : EnumerationGraphType<WriteOffReason>
{
    public WriteOffReasonType()
    {
        Name = "WriteOffReason";
        Description = "Why stock left the books unused.";
    }
}
