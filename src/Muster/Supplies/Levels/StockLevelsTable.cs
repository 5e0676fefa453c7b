using Muster.Infrastructure;
using Weasel.Core;
using Weasel.Postgresql.Tables;

namespace Muster.Supplies.Levels;

/// <summary>
/// The stock-level read model: one row a stock line with what is on hand, reserved, and on its way in. Its
/// check constraint (available = on_hand − reserved ≥ 0) is the second line of defence against double
/// allocation: a save that would break it fails as a whole, events included.
/// </summary>
public static class StockLevelsTable
{
    public const string Name = EventStoreModule.Schema + ".stock_levels";
    public const string AvailableConstraint = "ck_stock_levels_available";

    public static Table Define()
    {
        var table = new Table(Name);
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<Guid>("depot_id").NotNull();
        table.AddColumn<string>("item_code").NotNull();
        table.AddColumn<int>("on_hand").NotNull().DefaultValueByExpression("0");
        table.AddColumn<int>("reserved").NotNull().DefaultValueByExpression("0");
        table.AddColumn<int>("in_transit").NotNull().DefaultValueByExpression("0");
        table.AddColumn<DateTimeOffset>("updated_at").NotNull();
        table.CheckConstraints.Add(new TableCheckConstraint(AvailableConstraint, "on_hand - reserved >= 0"));
        table.CheckConstraints.Add(new TableCheckConstraint("ck_stock_levels_counts", "on_hand >= 0 and reserved >= 0 and in_transit >= 0"));
        table.Indexes.Add(new IndexDefinition("ux_stock_levels_depot_item") { Columns = ["depot_id", "item_code"], IsUnique = true });
        table.Indexes.Add(new IndexDefinition("ix_stock_levels_item") { Columns = ["item_code"] });
        return table;
    }
}
