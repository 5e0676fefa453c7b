using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Marten;
using Muster.Api.Auth;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Incidents;
using Muster.Api.Requests;
using Muster.Api.Units;
using Muster.Depots;
using Muster.Infrastructure;
using Muster.Requests;
using Muster.Requests.Requesting;
using Muster.Spatial;
using Muster.Units;
using Muster.Units.ChangingStatus;

namespace Muster.Api.Interop.Edxl;

/// <summary>
/// EDXL-RM 1.0 over HTTP. POST <c>/edxl-rm</c> takes <c>RequestResource</c> (→ requestSupplies) and
/// <c>ReportResourceDeploymentStatus</c> (→ changeUnitStatus) and <c>OfferUnsolicitedResource</c> (→ a resource offer,
/// see <see cref="EdxlOffer"/>): the same handlers, rules, agency checks and events as
/// GraphQL. GET <c>/edxl-rm/supply-requests/{id}/commit</c> answers <c>CommitResource</c> (the allocations) and
/// <c>…/response</c> answers <c>ResponseToRequestResource</c> (each line accepted or short).
/// </summary>
public static class EdxlEndpoint
{
    public const string Path = "/edxl-rm";
    public const string ItemList = "urn:muster:item-codes:GB/T38565-2020";
    public const string ContentType = "application/xml";
    public const long MaxBytes = 256 * 1024;

    public static async Task<IResult> PostAsync(HttpContext http, TimeProvider clock)
    {
        if (HttpActorAccessor.ActorOf(http.User) is null)
        {
            return Error(401, "a bearer token is required");
        }

        var media = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (media is not ("application/xml" or "text/xml"))
        {
            return Error(415, "send an EDXL-RM message as application/xml");
        }

        if (http.Request.ContentLength > MaxBytes)
        {
            return Error(413, $"a message may have at most {MaxBytes / 1024} KiB");
        }

        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        if (body.Length > MaxBytes)
        {
            return Error(413, $"a message may have at most {MaxBytes / 1024} KiB");
        }

        body.Position = 0;
        var (message, problems) = EdxlReader.Read(body);
        if (message?.Root is not { } root)
        {
            return Error(400, "the message is not a valid EDXL-RM message (see problems)", problems);
        }

        return root.Name.LocalName switch
        {
            "RequestResource" => await RequestResourceAsync(root, http, clock),
            "ReportResourceDeploymentStatus" => await ReportStatusAsync(root, http),
            "OfferUnsolicitedResource" => await EdxlOffer.OfferAsync(root, http),
            _ => Error(400, $"{root.Name.LocalName} is not accepted here; POST RequestResource, ReportResourceDeploymentStatus or OfferUnsolicitedResource"),
        };
    }

    private static async Task<IResult> RequestResourceAsync(XElement root, HttpContext http, TimeProvider clock)
    {
        var resources = root.Elements(EdxlMessage.Ns + "ResourceInformation").ToList();
        var lines = new List<ItemQuantity>();
        foreach (var resource in resources)
        {
            var code = EdxlMessage.Text(resource, "Resource", "TypeStructure", "Value");
            var amount = EdxlMessage.Text(resource, "AssignmentInformation", "Quantity", "MeasuredQuantity", "Amount");
            if (code is null || !int.TryParse(amount, NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity))
            {
                return Error(400, $"ResourceInformation {EdxlMessage.Text(resource, "ResourceInfoElementID")}: needs Resource/TypeStructure/Value (an item code) and a whole-number AssignmentInformation/Quantity/MeasuredQuantity/Amount");
            }

            lines.Add(new ItemQuantity(code, quantity));
        }

        var pos = resources.Select(r => EdxlMessage.Text(r, "ScheduleInformation", "Location", "TargetArea", "Point", "pos")).FirstOrDefault(p => p is not null);
        if (EdxlMessage.Point(pos) is not { } point)
        {
            return Error(400, "the delivery point is ScheduleInformation/Location/TargetArea/Point/pos: 'lat lon' in WGS84 degrees (latitude -90..90, longitude -180..180)");
        }

        Guid? incidentId = null;
        if (EdxlMessage.Text(root, "IncidentInformation", "IncidentID") is { Length: > 0 } incident)
        {
            incidentId = GlobalId.Of(IncidentType.TypeName, incident) ?? Guid.Empty;
        }

        var command = new RequestSupplies(lines, point, incidentId, SupplyPriority.Normal, null, null, EdxlMessage.Text(root, "MessageDescription"));
        var result = await http.RequestServices.GetRequiredService<RequestSuppliesHandler>().Handle(command, http.RequestAborted);
        var messageId = EdxlMessage.Text(root, "MessageID");
        if (!result.Succeeded)
        {
            return Refused(result.Errors) ?? Xml(422, EdxlMessage.Build("ResponseToRequestResource", messageId, "nothing requested: " + string.Join("; ", result.Errors.Select(e => e.Message)),
                resources.Select((r, i) => EdxlMessage.Response($"{i + 1}", EdxlMessage.Text(r, "ResourceInfoElementID")!, "Declined", result.Errors[0].Message, null, null)),
                clock.GetUtcNow()));
        }

        var id = GlobalId.Encode(SupplyRequestType.TypeName, result.Value!.Id);
        http.Response.Headers["X-Muster-Supply-Request"] = id;
        return Xml(200, EdxlMessage.Build("ResponseToRequestResource", messageId, $"supply request {id}",
            resources.Select((r, i) => EdxlMessage.Response($"{i + 1}", EdxlMessage.Text(r, "ResourceInfoElementID")!, "Provisional", "requested; not yet allocated", lines[i].ItemCode, lines[i].Quantity)),
            clock.GetUtcNow()));
    }

    private static async Task<IResult> ReportStatusAsync(XElement root, HttpContext http)
    {
        var resources = root.Elements(EdxlMessage.Ns + "ResourceInformation").ToList();
        if (resources.Count != 1)
        {
            return Error(400, "a ReportResourceDeploymentStatus reports one unit (one ResourceInformation), so that it is applied whole or not at all");
        }

        var unitId = GlobalId.Of(RescueUnitType.TypeName, EdxlMessage.Text(resources[0], "Resource", "ResourceID"));
        var value = EdxlMessage.Text(resources[0], "Resource", "ResourceStatus", "DeploymentStatus", "Value");
        var status = Enum.GetValues<UnitStatus>().Cast<UnitStatus?>().FirstOrDefault(s => ApiName.Of(s!.Value) == value);
        if (status is null)
        {
            return Error(400, $"DeploymentStatus/Value must be one of {string.Join(", ", Enum.GetValues<UnitStatus>().Select(s => ApiName.Of(s)))}, got '{value}'");
        }

        if (unitId is null)
        {
            return Error(422, "no such unit: Resource/ResourceID must be a unit's id");
        }

        var result = await http.RequestServices.GetRequiredService<ChangeUnitStatusHandler>()
            .Handle(new ChangeUnitStatus(unitId.Value, status.Value, EdxlMessage.Text(root, "MessageDescription")), http.RequestAborted);
        if (!result.Succeeded)
        {
            return Refused(result.Errors) ?? Error(422, result.Errors[0].Message, [.. result.Errors.Select(e => $"{e.Code}: {e.Message}")]);
        }

        return Results.Json(new JsonObject
        {
            ["unitId"] = GlobalId.Encode(RescueUnitType.TypeName, result.Value!.Id),
            ["status"] = ApiName.Of(result.Value.Status),
        });
    }

    public static async Task<IResult> CommitAsync(string id, HttpContext http, IQuerySession session, TimeProvider clock)
    {
        if (await VisibleRequestAsync(id, http, session) is not { } request)
        {
            return Error(404, "no such supply request");
        }

        if (request.Allocations.Count == 0)
        {
            return Error(409, $"the request is {ApiName.Of(request.Status)}: nothing is committed yet; GET …/response for where each line stands");
        }

        var depots = (await session.LoadManyAsync<Depot>(http.RequestAborted, request.Allocations.Select(a => a.DepotId).Distinct())).ToDictionary(d => d.Id, d => d.Name);
        return Xml(200, EdxlMessage.Build("CommitResource", null, $"supply request {id} is {ApiName.Of(request.Status)}",
            request.Allocations.Select((a, i) => EdxlMessage.Committed($"{i + 1}", a.ItemCode, depots.GetValueOrDefault(a.DepotId, "depot"), a.Quantity)),
            clock.GetUtcNow()));
    }

    public static async Task<IResult> ResponseAsync(string id, HttpContext http, IQuerySession session, TimeProvider clock)
    {
        if (await VisibleRequestAsync(id, http, session) is not { } request)
        {
            return Error(404, "no such supply request");
        }

        var allocated = request.Allocations.Count > 0 || request.Shortfalls.Count > 0;
        var elements = request.Lines.Select((line, i) =>
        {
            var missing = request.Shortfalls.Where(s => s.ItemCode == line.ItemCode).Sum(s => s.Quantity);
            return !allocated ? EdxlMessage.Response($"{i + 1}", $"{i + 1}", "Provisional", ApiName.Of(request.Status), line.ItemCode, line.Quantity)
                : missing > 0 ? EdxlMessage.Response($"{i + 1}", $"{i + 1}", "Unavailable", $"short by {missing}", line.ItemCode, missing)
                : EdxlMessage.Response($"{i + 1}", $"{i + 1}", "Accepted", null, line.ItemCode, line.Quantity);
        });
        return Xml(200, EdxlMessage.Build("ResponseToRequestResource", null, $"supply request {id} is {ApiName.Of(request.Status)}", elements, clock.GetUtcNow()));
    }

    private static async Task<SupplyRequest?> VisibleRequestAsync(string id, HttpContext http, IQuerySession session)
    {
        if (HttpActorAccessor.ActorOf(http.User) is not { } viewer || GlobalId.Of(SupplyRequestType.TypeName, id) is not { } requestId)
        {
            return null;
        }

        var request = await session.LoadAsync<SupplyRequest>(requestId, http.RequestAborted);
        return request is not null && RequestRules.MaySee(viewer, request) ? request : null;
    }

    internal static IResult? Refused(IReadOnlyList<DomainError> errors) =>
        errors.FirstOrDefault(e => e.Code == ErrorCodes.Forbidden) is { } forbidden ? Error(403, forbidden.Message) : null;

    private static IResult Xml(int status, XElement message) =>
        Results.Text(new XDocument(new XDeclaration("1.0", "utf-8", null), message).Declaration + Environment.NewLine + message, ContentType + "; charset=utf-8", null, status);

    internal static IResult Error(int status, string message, IReadOnlyList<string>? problems = null) =>
        Results.Json(new JsonObject { ["error"] = message, ["problems"] = new JsonArray([.. (problems ?? []).Select(p => JsonValue.Create(p))]) }, statusCode: status);
}
