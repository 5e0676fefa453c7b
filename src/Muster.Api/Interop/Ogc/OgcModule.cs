using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Muster.Api.ApiKeys;
using Muster.Api.Reading;
using Muster.Infrastructure;

namespace Muster.Api.Interop.Ogc;

/// <summary>
/// OGC API – Features (Part 1: core, GeoJSON) at <c>/ogc</c>, read-only, for QGIS, ArcGIS and GDAL. Callers authenticate
/// with an agency's API key or a bearer token and see what that agency's partner token (or the token) would.
/// </summary>
public static class OgcModule
{
    public const string Path = "/ogc";

    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IServiceCollection AddOgcFeatures(this IServiceCollection services) =>
        services.AddSingleton<OgcCollection, UnitFeatures>()
            .AddSingleton<OgcCollection, DepotFeatures>()
            .AddSingleton<OgcCollection, ExpertFeatures>()
            .AddSingleton<OgcCollection, IncidentFeatures>()
            .AddSingleton<OgcCollection, Jurisdictions.JurisdictionFeatures>()
            .AddSingleton<OgcCollection, Hazards.HazardSiteFeatures>();

    public static IEndpointRouteBuilder MapOgcFeatures(this IEndpointRouteBuilder endpoints)
    {
        var ogc = endpoints.MapGroup(Path).TolerateLag().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.Query["f"].FirstOrDefault() is { } f && f is not ("json" or "geojson"))
            {
                return Answer(OgcDocuments.Exception("InvalidParameterValue", $"f: only json is offered, got '{f}'"), OgcDocuments.Json, 400);
            }

            var (actor, refusal) = await ApiKeyCaller.ResolveAsync(http);
            if (actor is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer, ApiKey";
                return Answer(OgcDocuments.Exception("UNAUTHENTICATED", refusal!), OgcDocuments.Json, 401);
            }

            http.Items[typeof(Actor)] = actor;
            return await next(context);
        });

        ogc.MapGet("", (HttpRequest request) => Answer(OgcDocuments.Landing(new OgcLinks(request)), OgcDocuments.Json));
        ogc.MapGet("/conformance", () => Answer(OgcDocuments.Conformance(), OgcDocuments.Json));
        ogc.MapGet("/collections", (HttpRequest request, IEnumerable<OgcCollection> all) =>
            Answer(OgcDocuments.Collections(new OgcLinks(request), all), OgcDocuments.Json));
        ogc.MapGet("/collections/{id}", (string id, HttpRequest request, IEnumerable<OgcCollection> all) =>
            Find(all, id) is { } collection
                ? Answer(OgcDocuments.Collection(new OgcLinks(request), collection), OgcDocuments.Json)
                : NoCollection(id));
        ogc.MapGet("/collections/{id}/items", async (string id, HttpContext http, IEnumerable<OgcCollection> all, IQuerySession session, TimeProvider clock) =>
        {
            if (Find(all, id) is not { } collection)
            {
                return NoCollection(id);
            }

            var (query, error) = OgcItemsQuery.Parse(http.Request.Query);
            if (query is null)
            {
                return Answer(OgcDocuments.Exception("InvalidParameterValue", error!), OgcDocuments.Json, 400);
            }

            var page = await collection.ItemsAsync(session, Caller(http), query, http.RequestAborted);
            return Answer(OgcDocuments.Items(new OgcLinks(http.Request), collection, query, http.Request.Query, page, clock.GetUtcNow()), OgcDocuments.GeoJson);
        });
        ogc.MapGet("/collections/{id}/items/{featureId}", async (string id, string featureId, HttpContext http, IEnumerable<OgcCollection> all, IQuerySession session) =>
        {
            if (Find(all, id) is not { } collection)
            {
                return NoCollection(id);
            }

            return await collection.ItemAsync(session, Caller(http), featureId, http.RequestAborted) is { } feature
                ? Answer(feature, OgcDocuments.GeoJson)
                : Answer(OgcDocuments.Exception("NotFound", $"no feature '{featureId}' in {id}"), OgcDocuments.Json, 404);
        });
        return endpoints;
    }

    private static Actor Caller(HttpContext http) => (Actor)http.Items[typeof(Actor)]!;

    private static OgcCollection? Find(IEnumerable<OgcCollection> all, string id) => all.FirstOrDefault(c => c.Id == id);

    private static IResult NoCollection(string id) =>
        Answer(OgcDocuments.Exception("NotFound", $"no collection '{id}' (units, depots, experts, incidents)"), OgcDocuments.Json, 404);

    private static IResult Answer(JsonObject document, string contentType, int status = 200) =>
        Results.Text(document.ToJsonString(Output), contentType, System.Text.Encoding.UTF8, status);
}
