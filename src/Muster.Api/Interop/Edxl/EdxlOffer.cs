using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Muster.Api.GraphQL.Relay;
using Muster.Api.Offers;
using Muster.Offers.Offering;

namespace Muster.Api.Interop.Edxl;

/// <summary>
/// <c>OfferUnsolicitedResource</c> → a resource offer of the caller's agency, through the same handler and rules as
/// everywhere. One ResourceInformation per message, so an offer is taken whole or not at all. Read from the standard's
/// elements: Resource/TypeStructure/Value (the item code), AssignmentInformation/Quantity/MeasuredQuantity/Amount,
/// Resource/ResourceID (the offerer's lot number), Resource/Name and Resource/Description (the description),
/// ScheduleInformation/Location (where the stock is) and a ScheduleInformation of type EndAvailable (its expiry).
/// </summary>
public static class EdxlOffer
{
    public const string Header = "X-Muster-Resource-Offer";
    public const string EndAvailable = "EndAvailable";

    public static async Task<IResult> OfferAsync(XElement root, HttpContext http)
    {
        var resources = root.Elements(EdxlMessage.Ns + "ResourceInformation").ToList();
        if (resources.Count != 1)
        {
            return EdxlEndpoint.Error(400, "an OfferUnsolicitedResource offers one resource (one ResourceInformation), so that it is taken whole or not at all");
        }

        if (Read(resources[0], EdxlMessage.Text(root, "MessageID")) is not { } command)
        {
            return EdxlEndpoint.Error(400, "an offer needs Resource/TypeStructure/Value (an item code) and a whole-number AssignmentInformation/Quantity/MeasuredQuantity/Amount; "
                + "ScheduleInformation/Location/TargetArea/Point/pos, when given, is 'lat lon' in WGS84 degrees; an EndAvailable ScheduleInformation needs its DateTime");
        }

        var result = await http.RequestServices.GetRequiredService<OfferResourceHandler>().Handle(command, http.RequestAborted);
        if (!result.Succeeded)
        {
            return EdxlEndpoint.Refused(result.Errors) ?? EdxlEndpoint.Error(422, result.Errors[0].Message, [.. result.Errors.Select(e => $"{e.Code}: {e.Message}")]);
        }

        var id = GlobalId.Encode(ResourceOfferType.TypeName, result.Value!.Id);
        http.Response.Headers[Header] = id;
        return Results.Json(new JsonObject { ["offerId"] = id, ["status"] = "OFFERED" });
    }

    /// <summary>The offer a ResourceInformation describes; null when a required part is missing or malformed.</summary>
    private static OfferResource? Read(XElement resource, string? messageId)
    {
        var code = EdxlMessage.Text(resource, "Resource", "TypeStructure", "Value");
        var amount = EdxlMessage.Text(resource, "AssignmentInformation", "Quantity", "MeasuredQuantity", "Amount");
        if (code is null || !int.TryParse(amount, NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity))
        {
            return null;
        }

        var schedules = resource.Elements(EdxlMessage.Ns + "ScheduleInformation").ToList();
        var located = schedules.FirstOrDefault(s => s.Element(EdxlMessage.Ns + "Location") is not null);
        var pos = EdxlMessage.Text(located, "Location", "TargetArea", "Point", "pos");
        var point = EdxlMessage.Point(pos);
        var end = schedules.FirstOrDefault(s => EdxlMessage.Text(s, "ScheduleType") == EndAvailable);
        DateOnly? expiresOn = null;
        if (end is not null)
        {
            if (EdxlMessage.Text(end, "DateTime") is not { } at || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            {
                return null;
            }

            expiresOn = DateOnly.FromDateTime(until.Date);
        }

        if (pos is not null && point is null)
        {
            return null;
        }

        var name = EdxlMessage.Text(resource, "Resource", "Name");
        var description = EdxlMessage.Text(resource, "Resource", "Description");
        return new OfferResource(
            code, quantity, EdxlMessage.Text(resource, "Resource", "ResourceID"), expiresOn,
            name is null ? description : description is null ? name : $"{name}: {description}",
            point, EdxlMessage.Text(located, "Location", "LocationDescription"), messageId);
    }
}
