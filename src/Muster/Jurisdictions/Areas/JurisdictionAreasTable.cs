using Muster.Infrastructure;
using Weasel.Postgresql.Tables;

namespace Muster.Jurisdictions.Areas;

/// <summary>
/// The spatial read model of the supervision network: one row a jurisdiction, its area (drawn or derived) as
/// geometry in WGS84 under a GiST index, with its level and parent, so "where does this point belong" and "what lies
/// below this agency's jurisdictions" are answered by PostGIS in a millisecond.
/// </summary>
public static class JurisdictionAreasTable
{
    public const string Name = EventStoreModule.Schema + ".jurisdiction_areas";

    public static Table Define()
    {
        var table = new Table(Name);
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<string>("name").NotNull();
        table.AddColumn<int>("level").NotNull();
        table.AddColumn<Guid>("parent_id");
        table.AddColumn<Guid>("agency_id");
        table.AddColumn<bool>("approximate").NotNull();
        table.AddColumn("area", "geometry(Geometry,4326)");
        table.Indexes.Add(new IndexDefinition("ix_jurisdiction_areas_area") { Columns = ["area"], Method = IndexMethod.gist });
        table.Indexes.Add(new IndexDefinition("ix_jurisdiction_areas_parent") { Columns = ["parent_id"] });
        table.Indexes.Add(new IndexDefinition("ix_jurisdiction_areas_agency") { Columns = ["agency_id"] });
        return table;
    }
}
