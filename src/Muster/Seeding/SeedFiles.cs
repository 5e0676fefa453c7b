using System.Text.Json;
using System.Text.Json.Serialization;
using Muster.Catalog.Defining;
using Muster.Incidents;
using Muster.Plans;
using Muster.Plans.Defining;

namespace Muster.Seeding;

/// <summary>The seed files as they are written: the API's input shapes, enums as in GraphQL (MINE_GAS_EXPLOSION).</summary>
public static class SeedFiles
{
    public const string Items = "items.json";
    public const string Plans = "plans.json";
    public const string Agencies = "agencies.json";
    public const string Depots = "depots.json";
    public const string Units = "units.json";
    public const string Experts = "experts.json";

    /// <summary>The partner agency whose token <c>./run.sh</c> prints in Development (see agencies.json).</summary>
    public const string DevelopmentPartnerAgency = "霍州市红十字会";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
    };

    public static async Task<IReadOnlyList<T>> ReadAsync<T>(string folder, string file, CancellationToken ct)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            return [];
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<T>>(stream, Json, ct) ?? [];
    }
}

public sealed record SeedItem(string Code, string Name, string? NameEn, string Unit, int PackSize, string? Category, int? ShelfLifeDays)
{
    public DefineItem Command => new(Code, Name, NameEn, Unit, PackSize, Category, ShelfLifeDays);
}

public sealed record SeedPlan(
    IncidentKind IncidentKind, ResponseLevel Level, string? Name, List<UnitNeed>? Units, List<SupplyNeed>? Supplies, List<ExpertNeed>? Experts, int? DrillIntervalDays)
{
    public DefinePlan Command => new(IncidentKind, Level, Name, new Requirements(Units ?? [], Supplies ?? [], Experts ?? []), DrillIntervalDays);
}
