using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Scalars;
using Muster.Catalog.SettingMinimumStock;
using Muster.Infrastructure;
using Muster.Supplies;

namespace Muster.Api.Catalog;

public static class SetMinimumStockMutation
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<SetMinimumStockPayloadType>>("setMinimumStock")
            .Description("Sets the least available stock of an item, over all open depots, below which the low-stock check alerts; 0 removes it. Admin or logistics.")
            .Argument<NonNullGraphType<SetMinimumStockInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics)
            .ResolveAsync(Mutation.Run((SetMinimumStockHandler catalog, SetMinimumStockInput input, CancellationToken ct) =>
                catalog.Handle(new SetMinimumStock(input.ItemCode, input.Minimum), ct)));
}

public sealed record SetMinimumStockInput(string ItemCode, int Minimum);

public sealed class SetMinimumStockInputType : InputObjectGraphType<SetMinimumStockInput>
{
    public SetMinimumStockInputType()
    {
        Name = "SetMinimumStockInput";
        Field<NonNullGraphType<StringGraphType>>("itemCode").Description("The item's 7-digit catalog code.");
        Field<NonNullGraphType<IntGraphType>>("minimum").Description($"In the item's unit, 0 (none) to {StockRules.MaxOnHand}.");
    }
}

public sealed class SetMinimumStockPayloadType()
    : PayloadType<ItemType>("SetMinimumStockPayload", "item", "The item with its minimum, or why nothing changed.");
