using GraphQL.Types;
using Muster.Api.Catalog;
using Muster.Plans;

namespace Muster.Api.Plans;

public sealed class RequirementsType : ObjectGraphType<Requirements>
{
    public RequirementsType()
    {
        Name = "Requirements";
        Description = "What a response needs: units by capability, supplies by item, experts by specialty.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitNeedType>>>>("units").Resolve(c => c.Source.Units);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyNeedType>>>>("supplies").Resolve(c => c.Source.Supplies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpertNeedType>>>>("experts").Resolve(c => c.Source.Experts);
    }
}

public sealed class UnitNeedType : ObjectGraphType<UnitNeed>
{
    public UnitNeedType()
    {
        Name = "UnitNeed";
        Field<NonNullGraphType<StringGraphType>>("capability").Resolve(c => c.Source.Capability);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

public sealed class SupplyNeedType : ObjectGraphType<SupplyNeed>
{
    public SupplyNeedType()
    {
        Name = "SupplyNeed";
        Field<NonNullGraphType<StringGraphType>>("itemCode").Resolve(c => c.Source.ItemCode);
        Field<ItemType>("item").Resolve(c => ItemNodeSource.ByCode(c.RequestServices!).Load(c.Source.ItemCode));
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(c => c.Source.Quantity);
    }
}

public sealed class ExpertNeedType : ObjectGraphType<ExpertNeed>
{
    public ExpertNeedType()
    {
        Name = "ExpertNeed";
        Field<NonNullGraphType<StringGraphType>>("specialty").Resolve(c => c.Source.Specialty);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

public sealed class RequirementsInputType : InputObjectGraphType<Requirements>
{
    public RequirementsInputType()
    {
        Name = "RequirementsInput";
        Description = "What a response needs; entries naming the same capability, item or specialty are added up.";
        Field<ListGraphType<NonNullGraphType<UnitNeedInputType>>>("units");
        Field<ListGraphType<NonNullGraphType<SupplyNeedInputType>>>("supplies");
        Field<ListGraphType<NonNullGraphType<ExpertNeedInputType>>>("experts");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new Requirements(
        List<UnitNeed>(value, "units"), List<SupplyNeed>(value, "supplies"), List<ExpertNeed>(value, "experts"));

    private static IReadOnlyList<T> List<T>(IDictionary<string, object?> value, string key) =>
        value.TryGetValue(key, out var list) && list is IEnumerable<object?> items ? items.OfType<T>().ToList() : [];
}

public sealed class UnitNeedInputType : InputObjectGraphType<UnitNeed>
{
    public UnitNeedInputType()
    {
        Name = "UnitNeedInput";
        Field<NonNullGraphType<StringGraphType>>("capability").Description("A capability tag, e.g. mine-rescue.");
        Field<NonNullGraphType<IntGraphType>>("count").Description($"1 to {Requirements.MaxCount}.");
    }
}

public sealed class SupplyNeedInputType : InputObjectGraphType<SupplyNeed>
{
    public SupplyNeedInputType()
    {
        Name = "SupplyNeedInput";
        Field<NonNullGraphType<StringGraphType>>("itemCode");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description($"1 to {Requirements.MaxQuantity}, in the item's unit.");
    }
}

public sealed class ExpertNeedInputType : InputObjectGraphType<ExpertNeed>
{
    public ExpertNeedInputType()
    {
        Name = "ExpertNeedInput";
        Field<NonNullGraphType<StringGraphType>>("specialty").Description("A specialty tag, e.g. mine-ventilation.");
        Field<NonNullGraphType<IntGraphType>>("count").Description($"1 to {Requirements.MaxCount}.");
    }
}
