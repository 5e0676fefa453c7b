using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Scalars;
using Muster.Infrastructure;
using Muster.Supplies;
using Muster.Supplies.Counting;
using Muster.Supplies.WritingOff;

namespace Muster.Api.Supplies;

/// <summary>Count corrections and write-offs on a stock line: admin, logistics, or a partner for its own agency's depots.</summary>
public static class StockMovementMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        Movement<AdjustStockInputType, StockPayloadType.Adjust>(mutation, "adjustStock",
            "Corrects a lot to what a count found on the shelf, with the reason; it may not leave less on hand than is reserved.",
            (context, depotId, input) => context.RequestServices!.GetRequiredService<AdjustStockHandler>().Handle(
                new AdjustStock(depotId, (string)input["itemCode"]!, (string)input["lot"]!, (int)input["countedQuantity"]!, (string)input["reason"]!),
                context.CancellationToken));

        Movement<WriteOffStockInputType, StockPayloadType.WriteOff>(mutation, "writeOffStock",
            "Takes unreserved stock of a lot off the books: expired or damaged.",
            (context, depotId, input) => context.RequestServices!.GetRequiredService<WriteOffStockHandler>().Handle(
                new WriteOffStock(depotId, (string)input["itemCode"]!, (string)input["lot"]!, (int)input["quantity"]!,
                    (WriteOffReason)input["reason"]!, input.GetValueOrDefault("note") as string),
                context.CancellationToken));
    }

    private static void Movement<TInput, TPayload>(ObjectGraphType mutation, string name, string description,
        Func<IResolveFieldContext, Guid, Dictionary<string, object?>, Task<Result<StockLine>>> handle)
        where TInput : IInputObjectGraphType
        where TPayload : IGraphType =>
        mutation.Field<NonNullGraphType<TPayload>>(name)
            .Description(description + " Admin, logistics, or a partner for its own agency's depots.")
            .Argument<NonNullGraphType<TInput>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                return StockPayloadType.DepotId(input) is { } depotId
                    ? Payload.From(await handle(context, depotId, input))
                    : Payload.NotFound("depot", "depotId");
            });
}

public sealed class AdjustStockInputType : InputObjectGraphType
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

public sealed class WriteOffStockInputType : InputObjectGraphType
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
