using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Jurisdictions;
using Muster.Jurisdictions.Enterprises;
using Muster.Jurisdictions.Registering;
using Muster.Spatial;

namespace Muster.Seeding;

/// <summary>The supervision network handbook of <c>handbook.json</c>: the county and its boundary, the townships of <c>township-seats.geojson</c>, villages, enterprises, their persons.</summary>
public sealed record SeedHandbook(SeedCounty County, List<SeedTownship> Townships);

public sealed record SeedCounty(string Name, string Boundary, List<ResponsiblePerson>? ResponsiblePersons, List<SeedEnterprise>? Enterprises);

public sealed record SeedTownship(
    string Name, List<ResponsiblePerson>? ResponsiblePersons, List<SeedVillage>? Villages, List<SeedEnterprise>? Enterprises, int? Population = null);

public sealed record SeedVillage(string Name, GeoPoint Seat, List<ResponsiblePerson>? ResponsiblePersons, int? Population = null);

public sealed record SeedEnterprise(string Name, GeoPoint? Location, List<ResponsiblePerson>? ResponsiblePersons);

/// <summary>A township's seat and government, as <c>township-seats.geojson</c> gives them.</summary>
public sealed record SeedSeat(string Name, GeoPoint Seat, string Government);

public sealed partial class SeedLoader
{
    public const string Handbook = "handbook.json";
    public const string TownshipSeats = "township-seats.geojson";

    private static readonly JsonSerializerOptions HandbookJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// After the agencies: the county with its boundary, each township by its seat and linked to its government (by the
    /// agency's name), villages, then the enterprises of each. A jurisdiction is recognized by its name under its parent,
    /// an enterprise by its name in its jurisdiction; what is there already is left alone (persons too).
    /// </summary>
    private async Task LoadJurisdictionsAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, Handbook);
        if (!File.Exists(path))
        {
            return;
        }

        var handbook = JsonSerializer.Deserialize<SeedHandbook>(await File.ReadAllTextAsync(path, ct), HandbookJson)
            ?? throw new InvalidOperationException($"seed: {Handbook} is empty");
        var boundary = await CountyBoundaryAsync(Path.Combine(folder, handbook.County.Boundary), ct);
        var seats = await SeatsAsync(Path.Combine(folder, TownshipSeats), ct);
        Unique(handbook.Townships, t => t.Name, "townships");

        await EachAsync([handbook.County], "county",
            async (session, county) => await JurisdictionIdAsync(session, null, county.Name, ct) is not null,
            (services, county) => services.GetRequiredService<RegisterJurisdictionHandler>().Handle(
                new RegisterJurisdiction(county.Name, JurisdictionLevel.County, null, boundary, null, null, county.ResponsiblePersons), ct), ct);
        var countyId = await WithSessionAsync(session => JurisdictionIdAsync(session, null, handbook.County.Name, ct))
            ?? throw new InvalidOperationException("seed: the county was not registered");

        await EachAsync(handbook.Townships, "townships",
            async (session, township) => await JurisdictionIdAsync(session, countyId, township.Name, ct) is not null,
            async (services, township) =>
            {
                var seat = seats.FirstOrDefault(s => s.Name == township.Name)
                    ?? throw new InvalidOperationException($"seed townships: {township.Name} has no seat in {TownshipSeats}");
                var agency = await OwnerAsync(services, seat.Government, ct);
                return await services.GetRequiredService<RegisterJurisdictionHandler>().Handle(
                    new RegisterJurisdiction(township.Name, JurisdictionLevel.Township, countyId, null, seat.Seat, agency, township.ResponsiblePersons,
                        township.Population), ct);
            }, ct);

        var villages = handbook.Townships.SelectMany(t => (t.Villages ?? []).Select(v => (Township: t.Name, Village: v))).ToList();
        Unique(villages, v => (v.Township, v.Village.Name), "villages");
        await EachAsync(villages, "villages",
            async (session, v) => await JurisdictionIdAsync(session, await JurisdictionIdAsync(session, countyId, v.Township, ct), v.Village.Name, ct) is not null,
            async (services, v) => await services.GetRequiredService<RegisterJurisdictionHandler>().Handle(
                new RegisterJurisdiction(v.Village.Name, JurisdictionLevel.Village,
                    await JurisdictionIdAsync(services.GetRequiredService<IQuerySession>(), countyId, v.Township, ct),
                    null, v.Village.Seat, null, v.Village.ResponsiblePersons, v.Village.Population), ct), ct);

        var enterprises = (handbook.County.Enterprises ?? []).Select(e => (Township: (string?)null, Enterprise: e))
            .Concat(handbook.Townships.SelectMany(t => (t.Enterprises ?? []).Select(e => (Township: (string?)t.Name, Enterprise: e))))
            .ToList();
        Unique(enterprises, e => (e.Township, e.Enterprise.Name), "enterprises");
        await EachAsync(enterprises, "enterprises",
            async (session, e) => await session.LoadAsync<Jurisdiction>(await HolderAsync(session, countyId, e.Township, ct), ct) is { } holder
                && holder.Enterprises.Any(x => x.Name == e.Enterprise.Name.Trim()),
            async (services, e) => await services.GetRequiredService<RegisterEnterpriseHandler>().Handle(
                new RegisterEnterprise(await HolderAsync(services.GetRequiredService<IQuerySession>(), countyId, e.Township, ct),
                    e.Enterprise.Name, e.Enterprise.Location, e.Enterprise.ResponsiblePersons ?? []), ct), ct);
    }

    private async Task<T> WithSessionAsync<T>(Func<IQuerySession, Task<T>> read)
    {
        using var scope = scopes.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<IQuerySession>());
    }

    private static async Task<Guid> HolderAsync(IQuerySession session, Guid countyId, string? township, CancellationToken ct) =>
        township is null
            ? countyId
            : await JurisdictionIdAsync(session, countyId, township, ct) ?? throw new InvalidOperationException($"seed: township {township} is not registered");

    private static async Task<Guid?> JurisdictionIdAsync(IQuerySession session, Guid? parentId, string name, CancellationToken ct)
    {
        var trimmed = name.Trim();
        var found = parentId is { } parent
            ? await session.Query<Jurisdiction>().Where(j => j.ParentId == parent && j.Name == trimmed).Select(j => j.Id).ToListAsync(ct)
            : await session.Query<Jurisdiction>().Where(j => j.ParentId == null && j.Name == trimmed).Select(j => j.Id).ToListAsync(ct);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The geometry of the first feature of a GeoJSON FeatureCollection, as GeoJSON text.</summary>
    private static async Task<string> CountyBoundaryAsync(string path, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        return document.RootElement.GetProperty("features")[0].GetProperty("geometry").GetRawText();
    }

    private static async Task<IReadOnlyList<SeedSeat>> SeatsAsync(string path, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        return document.RootElement.GetProperty("features").EnumerateArray().Select(f =>
        {
            var coordinates = f.GetProperty("geometry").GetProperty("coordinates");
            var properties = f.GetProperty("properties");
            return new SeedSeat(properties.GetProperty("name").GetString()!,
                new GeoPoint(coordinates[1].GetDouble(), coordinates[0].GetDouble()), properties.GetProperty("government").GetString()!);
        }).ToList();
    }
}
