using System.Globalization;
using System.Text.Json.Nodes;

namespace Muster.Api.Interop.Ogc;

/// <summary>The landing page, conformance, collection and items documents of OGC API – Features Part 1.</summary>
public static class OgcDocuments
{
    public const string Json = "application/json";
    public const string GeoJson = "application/geo+json";

    public static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    ];

    public static JsonObject Landing(OgcLinks links) => new()
    {
        ["title"] = "Muster",
        ["description"] = "Units, depots, experts and incidents of the city's emergency management, as OGC API – Features.",
        ["links"] = new JsonArray(
            links.Link("self", Json, "This document", ""),
            links.Link("conformance", Json, "Conformance classes", "/conformance"),
            links.Link("data", Json, "Collections", "/collections")),
    };

    public static JsonObject Conformance() => new() { ["conformsTo"] = new JsonArray([.. ConformanceClasses.Select(c => JsonValue.Create(c))]) };

    public static JsonObject Collections(OgcLinks links, IEnumerable<OgcCollection> collections) => new()
    {
        ["links"] = new JsonArray(links.Link("self", Json, "Collections", "/collections")),
        ["collections"] = new JsonArray([.. collections.Select(c => Collection(links, c))]),
    };

    public static JsonObject Collection(OgcLinks links, OgcCollection collection)
    {
        var extent = new JsonObject { ["spatial"] = new JsonObject { ["bbox"] = new JsonArray(new JsonArray(-180, -90, 180, 90)) } };
        if (collection.Temporal is not null)
        {
            extent["temporal"] = new JsonObject { ["interval"] = new JsonArray(new JsonArray(null, null)) };
        }

        return new JsonObject
        {
            ["id"] = collection.Id,
            ["title"] = collection.Title,
            ["description"] = collection.Description,
            ["itemType"] = "feature",
            ["crs"] = new JsonArray("http://www.opengis.net/def/crs/OGC/1.3/CRS84"),
            ["extent"] = extent,
            ["links"] = new JsonArray(
                links.Link("self", Json, collection.Title, $"/collections/{collection.Id}"),
                links.Link("items", GeoJson, collection.Title, $"/collections/{collection.Id}/items")),
        };
    }

    public static JsonObject Items(OgcLinks links, OgcCollection collection, OgcItemsQuery query, IQueryCollection raw, OgcPage page, DateTimeOffset now)
    {
        var path = $"/collections/{collection.Id}/items";
        Dictionary<string, string?> At(int offset)
        {
            var parameters = raw.Where(p => p.Key is "bbox" or "datetime").ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
            parameters["limit"] = query.Limit.ToString(CultureInfo.InvariantCulture);
            parameters["offset"] = offset.ToString(CultureInfo.InvariantCulture);
            return parameters;
        }

        var pageLinks = new JsonArray(
            links.Link("self", GeoJson, "This page", path, At(query.Offset)),
            links.Link("collection", Json, collection.Title, $"/collections/{collection.Id}"));
        if (query.Offset + page.Features.Count < page.Matched)
        {
            pageLinks.Add(links.Link("next", GeoJson, "Next page", path, At(query.Offset + query.Limit)));
        }

        if (query.Offset > 0)
        {
            pageLinks.Add(links.Link("prev", GeoJson, "Previous page", path, At(Math.Max(0, query.Offset - query.Limit))));
        }

        return new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new JsonArray([.. page.Features]),
            ["numberMatched"] = page.Matched,
            ["numberReturned"] = page.Features.Count,
            ["timeStamp"] = now.ToString("O"),
            ["links"] = pageLinks,
        };
    }

    public static JsonObject Exception(string code, string description) => new() { ["code"] = code, ["description"] = description };
}
