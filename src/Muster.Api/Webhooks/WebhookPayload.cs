using System.Text.Json;
using System.Text.Json.Nodes;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Incidents;
using Muster.Api.Interop;
using Muster.Api.Requests;
using Muster.Api.Units;
using Muster.Incidents;
using Muster.Requests;
using Muster.Spatial;
using Muster.Units;

namespace Muster.Api.Webhooks;

/// <summary>
/// The body of a delivery, in the Standard Webhooks shape <c>{ type, timestamp, data }</c>: which object changed
/// (its GraphQL global id), its version and the events appended, and the object as it stood when the delivery
/// was recorded, with the API's own names (OUT_OF_SERVICE). The body is stored as sent, so a retry sends the
/// same bytes under the same <c>webhook-id</c>.
/// </summary>
public static class WebhookPayload
{
    public const string UnitChanged = "unit.changed";
    public const string SupplyRequestChanged = "supply_request.changed";
    public const string IncidentChanged = "incident.changed";

    /// <summary>One instance: System.Text.Json builds and keeps its metadata per options instance.</summary>
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(string type, DateTimeOffset at, long version, JsonNode events, JsonObject state) =>
        new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", System.Globalization.CultureInfo.InvariantCulture),
            ["data"] = new JsonObject { ["version"] = version, ["events"] = events, ["object"] = state },
        }.ToJsonString(Relaxed);

    public static JsonObject Unit(RescueUnit unit) => new()
    {
        ["id"] = GlobalId.Encode(RescueUnitType.TypeName, unit.Id),
        ["name"] = unit.Name,
        ["kind"] = ApiNames.Of(unit.Kind),
        ["status"] = ApiNames.Of(unit.Status),
        ["capabilities"] = ApiNames.List(unit.Capabilities),
        ["location"] = Point(unit.Location),
        ["agencyId"] = GlobalId.Encode(GlobalId.Agency, unit.AgencyId),
    };

    public static JsonObject Request(SupplyRequest request) => new()
    {
        ["id"] = GlobalId.Encode(SupplyRequestType.TypeName, request.Id),
        ["status"] = ApiNames.Of(request.Status),
        ["priority"] = ApiNames.Of(request.Priority),
        ["lines"] = new JsonArray([.. request.Lines.Select(l => new JsonObject { ["itemCode"] = l.ItemCode, ["quantity"] = l.Quantity })]),
        ["agencyId"] = request.AgencyId is { } agency ? GlobalId.Encode(GlobalId.Agency, agency) : null,
    };

    public static JsonObject Incident(Incident incident) => new()
    {
        ["id"] = GlobalId.Encode(IncidentType.TypeName, incident.Id),
        ["title"] = incident.Title,
        ["kind"] = ApiNames.Of(incident.Kind),
        ["level"] = ApiNames.Of(incident.Level),
        ["status"] = ApiNames.Of(incident.Status),
        ["location"] = Point(incident.Location),
    };

    private static JsonObject Point(GeoPoint point) => new() { ["lat"] = point.Lat, ["lon"] = point.Lon };
}
