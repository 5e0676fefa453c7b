using Muster.Infrastructure;
using Weasel.Postgresql.Tables;

namespace Muster.Depots.Locating;

/// <summary>
/// The spatial read model of depots: one row a depot, its site as geography(Point, 4326) under a GiST index,
/// with what visibility needs (agency, shared, closed), so nearest-first queries use the index.
/// </summary>
public static class DepotLocationsTable
{
    public const string Name = EventStoreModule.Schema + ".depot_locations";

    public static Table Define()
    {
        var table = new Table(Name);
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<Guid>("agency_id").NotNull();
        table.AddColumn<bool>("shared").NotNull();
        table.AddColumn<bool>("closed").NotNull();
        table.AddColumn("location", "geography(Point,4326)").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_depot_locations_location") { Columns = ["location"], Method = IndexMethod.gist });
        return table;
    }
}
