using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Scalars;
using Muster.Catalog.Defining;
using Muster.Infrastructure;

namespace Muster.Api.Catalog;

public static class DefineItemMutation
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<DefineItemPayloadType>>("defineItem")
            .Description("Adds an item to the supplies catalog under its GB/T 38565-2020 code; a code is defined once. Admin or logistics.")
            .Argument<NonNullGraphType<DefineItemInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics)
            .ResolveAsync(Mutation.Run((DefineItemHandler catalog, DefineItemInput input, CancellationToken ct) => catalog.Handle(
                new DefineItem(input.Code, input.Name, input.NameEn, input.Unit, input.PackSize, input.Category, input.ShelfLifeDays), ct)));
}

public sealed record DefineItemInput(string Code, string Name, string? NameEn, string Unit, int PackSize, string? Category, int? ShelfLifeDays);

public sealed class DefineItemInputType : InputObjectGraphType<DefineItemInput>
{
    public DefineItemInputType()
    {
        Name = "DefineItemInput";
        Field<NonNullGraphType<StringGraphType>>("code").Description("Seven digits, e.g. 1010101: top class 1–3, then middle, small and fine classes.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("As the bureau writes it, 1–100 characters, e.g. 单帐篷.");
        Field<StringGraphType>("nameEn").Description("English name, e.g. single tent.");
        Field<NonNullGraphType<StringGraphType>>("unit").Description("Unit of measure, 1–20 characters, e.g. 顶, 床, 箱, 台.");
        Field<NonNullGraphType<IntGraphType>>("packSize").DefaultValue(1).Description("Units in one pack as shipped, at least 1.");
        Field<StringGraphType>("category").Description("Free-text category.");
        Field<IntGraphType>("shelfLifeDays").Description("Days a lot keeps, at least 1; omit when it does not expire.");
    }
}

public sealed class DefineItemPayloadType()
    : PayloadType<ItemType>("DefineItemPayload", "item", "The defined item, or why nothing was defined.");
