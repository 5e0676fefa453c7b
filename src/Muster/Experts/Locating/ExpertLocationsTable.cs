using Muster.Infrastructure;
using Weasel.Postgresql.Tables;

namespace Muster.Experts.Locating;

/// <summary>
/// The spatial read model of experts: one row an expert at its base as geography(Point, 4326) under a GiST
/// index (k-nearest uses it), with its specialties under a GIN index.
/// </summary>
public static class ExpertLocationsTable
{
    public const string Name = EventStoreModule.Schema + ".expert_locations";

    public static Table Define()
    {
        var table = new Table(Name);
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<Guid>("agency_id").NotNull();
        table.AddColumn<string>("availability").NotNull();
        table.AddColumn("specialties", "text[]").NotNull();
        table.AddColumn("location", "geography(Point,4326)").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_expert_locations_location") { Columns = ["location"], Method = IndexMethod.gist });
        table.Indexes.Add(new IndexDefinition("ix_expert_locations_specialties") { Columns = ["specialties"], Method = IndexMethod.gin });
        return table;
    }
}
