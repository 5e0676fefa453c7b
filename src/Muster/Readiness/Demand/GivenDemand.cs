using System.Globalization;
using System.Text.Json;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Spatial;

namespace Muster.Readiness.Demand;

/// <summary>
/// Demand points a caller gives as GeoJSON ([longitude, latitude], WGS84): a Point, a MultiPoint, a Feature of either,
/// or a FeatureCollection of them; a feature's optional <c>weight</c> (above 0, at most <see cref="MaxWeight"/>; 1 when
/// absent) and <c>name</c> properties. Ids are <c>given-1</c>, <c>given-2</c>… in the order given.
/// </summary>
public static class GivenDemand
{
    public const int MaxPoints = 5_000;
    public const double MaxWeight = 1_000_000;
    public const int MaxNameLength = 200;

    public static Result<IReadOnlyList<DemandPoint>> Parse(string text, string field)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return DomainError.Validation($"{field} is not JSON: {e.Message}", field);
        }

        using (document)
        {
            var points = new List<DemandPoint>();
            var error = Read(document.RootElement, points, field, null, 1, allowCollection: true);
            if (error is null && points.Count == 0)
            {
                error = DomainError.Validation($"{field} holds no point", field);
            }

            return error is null ? points : error;
        }
    }

    private static DomainError? Read(JsonElement element, List<DemandPoint> points, string field, string? name, double weight, bool allowCollection)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return DomainError.Validation($"{field} must be a GeoJSON object with a type (Point, MultiPoint, Feature or FeatureCollection)", field);
        }

        switch (type.GetString())
        {
            case "FeatureCollection" when allowCollection:
                if (!element.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                {
                    return DomainError.Validation($"{field}: a FeatureCollection needs a features array", field);
                }

                foreach (var feature in features.EnumerateArray())
                {
                    if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String
                        || t.GetString() != "Feature")
                    {
                        return DomainError.Validation($"{field}: feature {points.Count + 1} is not a Feature", field);
                    }

                    if (Read(feature, points, field, null, 1, allowCollection: false) is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            case "Feature":
                return Feature(element, points, field);
            case "Point":
                return Position(Coordinates(element), points, field, name, weight);
            case "MultiPoint":
                var coordinates = Coordinates(element);
                if (coordinates.ValueKind != JsonValueKind.Array)
                {
                    return DomainError.Validation($"{field}: a MultiPoint needs an array of positions", field);
                }

                foreach (var position in coordinates.EnumerateArray())
                {
                    if (Position(position, points, field, name, weight) is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            default:
                return DomainError.Validation(
                    $"{field} must be a Point, MultiPoint, Feature or FeatureCollection of points, got {type.GetString()}", field);
        }
    }

    private static DomainError? Feature(JsonElement feature, List<DemandPoint> points, string field)
    {
        string? name = null;
        double weight = 1;
        if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            if (properties.TryGetProperty("name", out var given) && given.ValueKind != JsonValueKind.Null)
            {
                var checkedName = given.ValueKind == JsonValueKind.String
                    ? TextRules.Name(given.GetString(), field, MaxNameLength, required: false)
                    : DomainError.Validation($"{field}: a feature's name must be text", field);
                if (!checkedName.Succeeded)
                {
                    return new DomainError(checkedName.Errors[0].Code, $"{field}: feature {points.Count + 1}'s name: {checkedName.Errors[0].Message}", field);
                }

                name = checkedName.Value;
            }

            if (properties.TryGetProperty("weight", out var w) && w.ValueKind != JsonValueKind.Null)
            {
                if (w.ValueKind != JsonValueKind.Number || !w.TryGetDouble(out weight) || !double.IsFinite(weight) || weight is <= 0 or > MaxWeight)
                {
                    return DomainError.Validation($"{field}: feature {points.Count + 1}'s weight must be a number above 0 and at most {MaxWeight:N0}", field);
                }
            }
        }

        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            return DomainError.Validation($"{field}: feature {points.Count + 1} has no geometry", field);
        }

        return Read(geometry, points, field, name, weight, allowCollection: false);
    }

    private static JsonElement Coordinates(JsonElement geometry) =>
        geometry.TryGetProperty("coordinates", out var coordinates) ? coordinates : default;

    private static DomainError? Position(JsonElement position, List<DemandPoint> points, string field, string? name, double weight)
    {
        if (points.Count >= MaxPoints)
        {
            return DomainError.Validation($"{field} holds more than {MaxPoints:N0} points", field);
        }

        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            return DomainError.Validation($"{field}: point {points.Count + 1} needs [longitude, latitude]", field);
        }

        var lon = position[0].GetDouble();
        var lat = position[1].GetDouble();
        if (GeoPoint.Check(lat, lon, field) is { } bad)
        {
            return bad with { Message = $"{field}: point {points.Count + 1}: {bad.Message}" };
        }

        var number = points.Count + 1;
        points.Add(new DemandPoint(
            string.Create(CultureInfo.InvariantCulture, $"given-{number}"),
            name ?? string.Create(CultureInfo.InvariantCulture, $"#{number}"),
            DemandKind.Given, new GeoPoint(lat, lon), weight));
        return null;
    }
}
