using System.Globalization;
using System.Xml.Linq;
using Muster.Spatial;

namespace Muster.Api.Interop.Edxl;

/// <summary>Writing EDXL-RM messages in the same element structure the reader validates.</summary>
public static class EdxlMessage
{
    public static readonly XNamespace Ns = EdxlReader.Namespace;

    public static XElement Build(string type, string? originatingId, string? description, IEnumerable<XElement> resources, DateTimeOffset now) =>
        new(Ns + type,
            new XElement(Ns + "MessageID", "urn:muster:" + Guid.CreateVersion7().ToString("N")),
            new XElement(Ns + "SentDateTime", now.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)),
            new XElement(Ns + "MessageContentType", type),
            description is null ? null : new XElement(Ns + "MessageDescription", description),
            originatingId is null ? null : new XElement(Ns + "OriginatingMessageID", originatingId),
            resources);

    /// <summary>A ResourceInformation answering one element of a request (ResponseToRequestResource).</summary>
    public static XElement Response(string elementId, string precedingId, string responseType, string? reason, string? itemCode, int? quantity) =>
        new(Ns + "ResourceInformation",
            new XElement(Ns + "ResourceInfoElementID", elementId),
            new XElement(Ns + "ResponseInformation",
                new XElement(Ns + "PrecedingResourceInfoElementID", precedingId),
                new XElement(Ns + "ResponseType", responseType),
                reason is null ? null : new XElement(Ns + "ReasonCode", reason)),
            itemCode is null ? null : Item(itemCode, null),
            quantity is null ? null : Quantity(quantity.Value));

    /// <summary>A committed resource (CommitResource): an item from a depot, its quantity.</summary>
    public static XElement Committed(string elementId, string itemCode, string depotName, int quantity) =>
        new(Ns + "ResourceInformation",
            new XElement(Ns + "ResourceInfoElementID", elementId),
            Item(itemCode, depotName),
            Quantity(quantity));

    public static XElement Item(string itemCode, string? info) =>
        new(Ns + "Resource",
            new XElement(Ns + "TypeStructure",
                new XElement(Ns + "Value", itemCode),
                new XElement(Ns + "ValueListURN", EdxlEndpoint.ItemList)),
            info is null ? null : new XElement(Ns + "TypeInfo", info));

    private static XElement Quantity(int quantity) =>
        new(Ns + "AssignmentInformation",
            new XElement(Ns + "Quantity", new XElement(Ns + "MeasuredQuantity", new XElement(Ns + "Amount", quantity))));

    /// <summary>A GML pos, "lat lon" in WGS84 degrees, as a point; null when it is not one.</summary>
    public static GeoPoint? Point(string? pos)
    {
        var coordinates = pos?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN).ToArray();
        return coordinates is [var lat, var lon] && GeoPoint.Check(lat, lon, "pos") is null ? new GeoPoint(lat, lon) : null;
    }

    public static string? Text(XElement? parent, params string[] path)
    {
        var current = parent;
        foreach (var name in path)
        {
            current = current?.Element(Ns + name);
        }

        return current?.Value.Trim();
    }
}
