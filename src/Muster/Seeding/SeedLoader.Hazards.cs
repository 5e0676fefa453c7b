using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Hazards;
using Muster.Hazards.Inspecting;
using Muster.Hazards.Registering;
using Muster.Hazards.Reporting;
using Muster.Incidents;
using Muster.Spatial;

namespace Muster.Seeding;

/// <summary>
/// The hazard ledger of the demo city: the sites of <c>hazard-sites.geojson</c> (after the jurisdictions, which place
/// them), then the inspections and hidden dangers of <c>hazard-ledger.json</c>. A site is recognized by its name (unique
/// in the ledger), an inspection by its site and inspector, a hidden danger by its site and description. Deadlines are
/// minutes after the load, so one danger falls overdue a few minutes after a fresh start, as a demo should show.
/// </summary>
public sealed partial class SeedLoader
{
    public const string HazardSitesFile = "hazard-sites.geojson";
    public const string HazardLedgerFile = "hazard-ledger.json";

    private static readonly JsonSerializerOptions HazardJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
    };

    private async Task LoadHazardsAsync(string folder, CancellationToken ct)
    {
        using (var scope = scopes.CreateScope())
        {
            if (!await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<Muster.Jurisdictions.Jurisdiction>().AnyAsync(ct))
            {
                // A hazard site is placed in its jurisdiction: without the supervision network there is nowhere to put it.
                NoJurisdictions();
                return;
            }
        }

        var sites = await ReadJsonAsync<SeedFeatureCollection>(folder, HazardSitesFile, ct) is { } collection ? collection.Features : [];
        Unique(sites, s => s.Properties.Name.Trim(), "hazard sites");
        await EachAsync(sites, "hazard sites",
            async (session, site) => await SiteIdAsync(session, site.Properties.Name, ct) is not null,
            (services, site) => services.GetRequiredService<RegisterHazardSiteHandler>().Handle(site.Command, ct), ct);

        var ledger = await ReadJsonAsync<SeedHazardLedger>(folder, HazardLedgerFile, ct) ?? new SeedHazardLedger([], []);
        var now = time.GetUtcNow();
        await EachAsync(ledger.Inspections, "inspections",
            async (session, i) => await SiteIdAsync(session, i.Site, ct) is { } site
                && await session.Query<Inspection>().AnyAsync(x => x.SiteId == site && x.Inspector == i.Inspector, ct),
            async (services, i) => await services.GetRequiredService<RecordInspectionHandler>().Handle(
                new RecordInspection(await SiteAsync(services, i.Site, ct), now.AddDays(-i.DaysAgo), i.Inspector, i.Findings), ct), ct);
        await EachAsync(ledger.HiddenDangers, "hidden dangers",
            async (session, d) => await SiteIdAsync(session, d.Site, ct) is { } site
                && await session.Query<HiddenDanger>().AnyAsync(x => x.SiteId == site && x.Description == d.Description, ct),
            async (services, d) =>
            {
                var site = await SiteAsync(services, d.Site, ct);
                var inspections = await services.GetRequiredService<IQuerySession>().Query<Inspection>()
                    .Where(x => x.SiteId == site).OrderByDescending(x => x.At).Select(x => x.Id).ToListAsync(ct);
                return await services.GetRequiredService<ReportHiddenDangerHandler>().Handle(new ReportHiddenDanger(
                    site, inspections.Count > 0 ? inspections[0] : null, d.Description, d.Severity, now.AddMinutes(d.DeadlineInMinutes),
                    d.ResponsiblePerson, d.EvidenceNotes), ct);
            }, ct);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning,
        Message = "seed hazard sites: no jurisdictions are registered, so the hazard ledger is not loaded")]
    private partial void NoJurisdictions();

    private static async Task<T?> ReadJsonAsync<T>(string folder, string file, CancellationToken ct)
        where T : class
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, HazardJson, ct);
    }

    private static async Task<Guid?> SiteIdAsync(IQuerySession session, string name, CancellationToken ct)
    {
        var trimmed = name.Trim();
        var found = await session.Query<HazardSite>().Where(s => s.Name == trimmed).Select(s => s.Id).ToListAsync(ct);
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<Guid> SiteAsync(IServiceProvider services, string name, CancellationToken ct) =>
        await SiteIdAsync(services.GetRequiredService<IQuerySession>(), name, ct)
            ?? throw new InvalidOperationException($"seed: no hazard site named '{name}' ({HazardSitesFile} registers them)");
}

public sealed record SeedFeatureCollection(List<SeedHazardFeature> Features);

public sealed record SeedHazardGeometry(string Type, JsonElement Coordinates);

public sealed record SeedHazardProperties(
    string Name, string Kind, RiskLevel RiskLevel, string? Enterprise, SiteContact? Responsible, List<IncidentKind>? IncidentKinds);

public sealed record SeedHazardFeature(SeedHazardGeometry Geometry, SeedHazardProperties Properties)
{
    public RegisterHazardSite Command
    {
        get
        {
            static GeoPoint Position(JsonElement p) => new(p[1].GetDouble(), p[0].GetDouble());
            var kind = Enum.GetValues<HazardSiteKind>().FirstOrDefault(
                k => Infrastructure.ApiName.Of(k).Equals(Properties.Kind.Replace('-', '_'), StringComparison.OrdinalIgnoreCase), HazardSiteKind.Other);
            return Geometry.Type == "LineString"
                ? new RegisterHazardSite(Properties.Name, kind, Properties.RiskLevel, null, [.. Geometry.Coordinates.EnumerateArray().Select(Position)],
                    Properties.Enterprise, Properties.Responsible, Properties.IncidentKinds)
                : new RegisterHazardSite(Properties.Name, kind, Properties.RiskLevel, Position(Geometry.Coordinates), null,
                    Properties.Enterprise, Properties.Responsible, Properties.IncidentKinds);
        }
    }

    public override string ToString() => Properties.Name;
}

public sealed record SeedInspection(string Site, int DaysAgo, string Inspector, string Findings);

public sealed record SeedHiddenDanger(
    string Site, string Description, DangerSeverity Severity, int DeadlineInMinutes, string ResponsiblePerson, string? EvidenceNotes);

public sealed record SeedHazardLedger(List<SeedInspection> Inspections, List<SeedHiddenDanger> HiddenDangers);
