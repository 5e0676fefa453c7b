using System.Globalization;
using System.Text.Json.Nodes;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Units;
using Muster.Scale;
using Muster.Spatial;

namespace Muster.Benchmarks;

/// <summary>
/// What a disaster day asks of the service, one method a kind of request, with the documents the console sends:
/// AVL reports from the city's units, incidents and proposals for the newest, supply requests allocated at once,
/// the map's reads (the nearest panel, the layers, unit tiles) and the lists (units, the logistics queue).
/// Each request is timed by its <see cref="Operation"/>; <see cref="StartMeasuring"/> begins a fresh set.
/// </summary>
public sealed class DisasterDay
{
    private const string Position = """
        mutation($input: ReportUnitPositionInput!) { reportUnitPosition(input: $input) { unit { id } errors { code message } } }
        """;

    private const string Incident = """
        mutation($lat: Float!, $lon: Float!) {
          reportIncident(input: { kind: MINE_GAS_EXPLOSION, level: II, location: { lat: $lat, lon: $lon }, title: "disaster day incident" }) {
            incident { id } errors { code message }
          }
        }
        """;

    /// <summary>A proposal for an incident, with what the benchmark checks of it; every row proposes with it.</summary>
    public const string Propose = """
        mutation($incident: ID!) {
          proposeDispatch(input: { incidentId: $incident }) {
            proposal { id planId units { unit { id } } supplies { itemCode } experts { expert { id } } } errors { code message }
          }
        }
        """;

    private const string Request = """
        mutation($input: RequestSuppliesInput!) { requestSupplies(input: $input) { request { id } errors { code message } } }
        """;

    private const string Allocate = """
        mutation($id: ID!) { allocateSupplyRequest(input: { requestId: $id }) { request { id status } errors { code message } } }
        """;

    // The console's own documents: map/documents.js (NEAREST, MAP_LAYERS), partner/documents.js, logistics/documents.js.
    private const string Nearest = """
        query Nearest($near: GeoPointInput!) {
          nearestUnits(near: $near, first: 5) { unit { id name kind status agency { name } } distanceMeters etaSeconds positionStale }
          nearestExperts(near: $near, first: 3) { expert { id name specialties } distanceMeters etaSeconds }
        }
        """;

    private const string MapLayers = """
        query MapLayers {
          depots(first: 100) { items { id name shared location { lat lon } agency { name } } }
          expertsGeoJson
          incidents(first: 100) { items { id title kind level status location { lat lon } } }
        }
        """;

    private const string UnitList = "query Units { units(status: AVAILABLE, first: 100) { items { id name kind status location { lat lon } } } }";

    private const string RequestList = """
        query Requests { supplyRequests(status: ALLOCATED, first: 20) { items { id status priority requestedAt agency { name }
          lines { itemCode item { name unit } quantity } deliverTo { lat lon } allocations { depot { id name } itemCode quantity } shortfalls { itemCode quantity } } } }
        """;

    private const int TileZoom = 12;

    private readonly GraphQLClient _client;
    private readonly ScaleSpec _city;
    private readonly string[] _units;
    private readonly GeoPoint[] _positions;
    private readonly string[] _items;
    private volatile string _newestIncident;

    public DisasterDay(GraphQLClient client, ScaleSpec city, string firstIncident)
    {
        _client = client;
        _city = city;
        _units = Enumerable.Range(0, city.Units).Select(i => GlobalId.Encode(RescueUnitType.TypeName, ScaleGenerator.UnitId(city, i))).ToArray();
        _positions = _units.Select(_ => SomewhereInTheCity()).ToArray();
        _items = SyntheticCatalog.Items(city.Items).Select(i => i.Code).ToArray();
        _newestIncident = firstIncident;
        StartMeasuring();
    }

    public int Units => _units.Length;

    public Operation Positions { get; private set; } = null!;
    public Operation Incidents { get; private set; } = null!;
    public Operation Proposals { get; private set; } = null!;
    public Operation Requests { get; private set; } = null!;
    public Operation Allocations { get; private set; } = null!;
    public Operation NearestPanel { get; private set; } = null!;
    public Operation Layers { get; private set; } = null!;
    public Operation Tiles { get; private set; } = null!;
    public Operation UnitLists { get; private set; } = null!;
    public Operation RequestLists { get; private set; } = null!;

    public IReadOnlyList<Operation> All =>
        [Positions, Incidents, Proposals, Requests, Allocations, NearestPanel, Layers, Tiles, UnitLists, RequestLists];

    public void StartMeasuring()
    {
        Positions = new("reportUnitPosition");
        Incidents = new("reportIncident");
        Proposals = new("proposeDispatch");
        Requests = new("requestSupplies");
        Allocations = new("allocateSupplyRequest");
        NearestPanel = new("nearest panel (nearestUnits + nearestExperts)");
        Layers = new("map layers (depots, expertsGeoJson, incidents)");
        Tiles = new("unit tile (/tiles/units, z 12)");
        UnitLists = new("units list (first 100)");
        RequestLists = new("supplyRequests list (first 20)");
    }

    /// <summary>Report <paramref name="n"/> comes from unit n mod the fleet, a little further along its way (up to ~100 m).</summary>
    public Task ReportPositionAsync(long n)
    {
        var unit = (int)(n % _units.Length);
        var moved = Near(_positions[unit], 0.001);
        _positions[unit] = moved;
        var input = new { unitId = _units[unit], location = new { lat = moved.Lat, lon = moved.Lon }, at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) };
        return Positions.RunAsync(() => _client.PostAsync(Position, new { input }), Operation.Payload("reportUnitPosition", "unit"));
    }

    public Task ReportIncidentAsync()
    {
        var at = SomewhereInTheCity();
        return Incidents.RunAsync(async () =>
        {
            var data = await _client.PostAsync(Incident, new { lat = at.Lat, lon = at.Lon });
            if (data["reportIncident"]?["incident"]?["id"]?.GetValue<string>() is { } id)
            {
                _newestIncident = id;
            }

            return data;
        }, Operation.Payload("reportIncident", "incident"));
    }

    /// <summary>A proposal for the newest incident, following the plan its kind and level call for.</summary>
    public Task ProposeAsync() =>
        Proposals.RunAsync(() => _client.PostAsync(Propose, new { incident = _newestIncident }), Operation.Payload("proposeDispatch", "proposal"));

    /// <summary>Two to four lines of the catalog for the newest incident, delivered near it, then allocated at once.</summary>
    public async Task RequestAndAllocateAsync()
    {
        var to = SomewhereInTheCity();
        var lines = _items.OrderBy(_ => Random.Shared.Next()).Take(Random.Shared.Next(2, 5))
            .Select(code => new { itemCode = code, quantity = Random.Shared.Next(1, 5) * 5 }).ToArray();
        string? id = null;
        await Requests.RunAsync(async () =>
        {
            var data = await _client.PostAsync(Request,
                new { input = new { lines, deliverTo = new { lat = to.Lat, lon = to.Lon }, incidentId = _newestIncident, priority = "URGENT" } });
            id = data["requestSupplies"]?["request"]?["id"]?.GetValue<string>();
            return data;
        }, Operation.Payload("requestSupplies", "request"));
        if (id is not null)
        {
            await Allocations.RunAsync(() => _client.PostAsync(Allocate, new { id }), Operation.Payload("allocateSupplyRequest", "request"));
        }
    }

    public Task NearestAsync()
    {
        var at = SomewhereInTheCity();
        return NearestPanel.RunAsync(() => _client.PostAsync(Nearest, new { near = new { lat = at.Lat, lon = at.Lon } }),
            data => data["nearestUnits"] is JsonArray { Count: > 0 } ? null : $"no units near {at}: {data.ToJsonString()}");
    }

    public Task MapLayersAsync() =>
        Layers.RunAsync(() => _client.PostAsync(MapLayers), data => data["depots"]?["items"] is JsonArray { Count: > 0 } ? null : data.ToJsonString());

    /// <summary>A map panned somewhere: the four tiles around a point, fetched side by side as the map does.</summary>
    public Task TilesAsync()
    {
        var (x, y) = Tile(SomewhereInTheCity(), TileZoom);
        return Task.WhenAll(
            from dx in new[] { 0, 1 }
            from dy in new[] { 0, 1 }
            select Tiles.RunAsync(() => _client.GetRawAsync($"/tiles/units/{TileZoom}/{x + dx}/{y + dy}.mvt"), _ => null));
    }

    public Task UnitListAsync() =>
        UnitLists.RunAsync(() => _client.PostAsync(UnitList), data => data["units"]?["items"] is JsonArray { Count: > 0 } ? null : data.ToJsonString());

    public Task RequestListAsync() =>
        RequestLists.RunAsync(() => _client.PostAsync(RequestList), data => data["supplyRequests"]?["items"] is JsonArray ? null : data.ToJsonString());

    private GeoPoint SomewhereInTheCity() => Near(_city.Center, _city.RadiusKm * 0.6 / 111.32);

    private static GeoPoint Near(GeoPoint from, double degrees) =>
        new(Math.Round(from.Lat + ((Random.Shared.NextDouble() - 0.5) * 2 * degrees), 6),
            Math.Round(from.Lon + ((Random.Shared.NextDouble() - 0.5) * 2 * degrees / Math.Cos(from.Lat * Math.PI / 180)), 6));

    /// <summary>The web-mercator tile holding a point.</summary>
    private static (int X, int Y) Tile(GeoPoint at, int zoom)
    {
        var n = 1 << zoom;
        var lat = at.Lat * Math.PI / 180;
        return ((int)((at.Lon + 180) / 360 * n), (int)((1 - (Math.Log(Math.Tan(lat) + (1 / Math.Cos(lat))) / Math.PI)) / 2 * n));
    }
}
