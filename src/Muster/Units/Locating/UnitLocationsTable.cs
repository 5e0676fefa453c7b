using Muster.Infrastructure;
using Weasel.Postgresql.Tables;

namespace Muster.Units.Locating;

/// <summary>
/// The spatial read model of units: one row a unit with its last accepted position as
/// geography(Point, 4326) under a GiST index, so k-nearest and radius queries use the index.
/// </summary>
public static class UnitLocationsTable
{
    public const string Name = EventStoreModule.Schema + ".unit_locations";

    public static Table Define()
    {
        var table = new Table(Name);
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<Guid>("agency_id").NotNull();
        table.AddColumn<string>("kind").NotNull();
        table.AddColumn<string>("status").NotNull();
        table.AddColumn("capabilities", "text[]").NotNull();
        table.AddColumn("location", "geography(Point,4326)").NotNull();
        table.AddColumn("position_at", "timestamptz");
        table.Indexes.Add(new IndexDefinition("ix_unit_locations_location") { Columns = ["location"], Method = IndexMethod.gist });
        table.Indexes.Add(new IndexDefinition("ix_unit_locations_capabilities") { Columns = ["capabilities"], Method = IndexMethod.gin });
        return table;
    }
}
