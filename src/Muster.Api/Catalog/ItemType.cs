using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Catalog;
using Muster.Infrastructure;

namespace Muster.Api.Catalog;

public sealed class ItemType : ObjectGraphType<Item>
{
    public const string TypeName = "Item";

    public ItemType()
    {
        Name = TypeName;
        Description = "A kind of supply in the catalog, identified by its GB/T 38565-2020 code; stock is counted in its unit.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Item;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("code").Description("Seven digits: top class, then middle, small and fine classes.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Description("As the bureau writes it, e.g. 单帐篷.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("nameEn").Description("English name, when one was given.").Resolve(c => c.Source.NameEn);
        Field<NonNullGraphType<StringGraphType>>("unit").Description("Unit of measure stock is counted in, e.g. 顶, 床, 箱, 台.").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<IntGraphType>>("packSize").Description("Units in one pack as shipped, e.g. 20 to a box.").Resolve(c => c.Source.PackSize);
        Field<StringGraphType>("category").Description("Free-text category the bureau files it under.").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<TopClassType>>("topClass").Description("The top class, from the code's first digit.").Resolve(c => c.Source.TopClass);
        Field<IntGraphType>("shelfLifeDays").Description("Days a lot keeps from receipt, when it expires at all.").Resolve(c => c.Source.ShelfLifeDays);
        Field<NonNullGraphType<DateTimeScalar>>("definedAt").Resolve(c => c.Source.DefinedAt);
        Field<IntGraphType>("minimumStock")
            .Description("The least available stock, summed over all open depots, below which the item is low; null when none is set.")
            .Resolve(c => c.Source.MinimumStock);
        Field<LowStockType>("lowStock")
            .Description("Set while the low-stock check finds the item below its minimum. Counts every agency's depots: admin, commander and logistics only.")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander, Roles.Logistics)
            .Resolve(c => c.Source.LowStock);
    }
}

public sealed class LowStockType : ObjectGraphType<LowStockAlert>
{
    public LowStockType()
    {
        Name = "LowStock";
        Description = "An item below its minimum: since when, and the numbers the low-stock check found then.";
        Field<NonNullGraphType<DateTimeScalar>>("since").Resolve(c => c.Source.Since);
        Field<NonNullGraphType<IntGraphType>>("available").Description("Available over all open depots when the check found it low.").Resolve(c => c.Source.Available);
        Field<NonNullGraphType<IntGraphType>>("minimum").Description("The minimum it was below.").Resolve(c => c.Source.Minimum);
    }
}

public sealed class TopClassType : EnumerationGraphType<TopClass>
{
    public TopClassType()
    {
        Name = "TopClass";
        Description = "The top class of GB/T 38565-2020: 1 basic living supplies, 2 emergency equipment and its supplies, 3 engineering materials and machinery.";
    }
}
