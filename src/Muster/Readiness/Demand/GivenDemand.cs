using System.Globalization;
using System.Text.Json;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Spatial;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

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

    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() }, MaxDepth = 16 };

    public static Result<IReadOnlyList<DemandPoint>> Parse(string text, string field)
    {
        IReadOnlyList<IFeature> features;
        try
        {
            features = Read(text);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return DomainError.Validation($"{field} is not GeoJSON of points (Point, MultiPoint, Feature or FeatureCollection): {e.Message}", field);
        }

        var points = new List<DemandPoint>();
        foreach (var (feature, number) in features.Select((f, i) => (f, i + 1)))
        {
            if (Add(feature, number, points, field) is { } bad)
            {
                return bad;
            }
        }

        return points.Count == 0 ? DomainError.Validation($"{field} holds no point", field) : points;
    }

    /// <summary>The features the text holds: a bare geometry is one feature without properties.</summary>
    private static IReadOnlyList<IFeature> Read(string text)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
        var type = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var t)
            && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return type switch
        {
            "FeatureCollection" => [.. JsonSerializer.Deserialize<FeatureCollection>(text, Options) ?? []],
            "Feature" => [JsonSerializer.Deserialize<IFeature>(text, Options) ?? throw new JsonException("an empty feature")],
            _ => [new Feature(JsonSerializer.Deserialize<Geometry>(text, Options), null)],
        };
    }

    private static DomainError? Add(IFeature feature, int number, List<DemandPoint> points, string field)
    {
        string? name = null;
        double weight = 1;
        if (feature.Attributes is { } properties)
        {
            if (properties.GetOptionalValue("name") is { } given)
            {
                var checkedName = given is string text
                    ? TextRules.Name(text, field, MaxNameLength, required: false)
                    : DomainError.Validation($"{field}: a feature's name must be text", field);
                if (!checkedName.Succeeded)
                {
                    return new DomainError(checkedName.Errors[0].Code, $"{field}: feature {number}'s name: {checkedName.Errors[0].Message}", field);
                }

                name = checkedName.Value;
            }

            if (properties.GetOptionalValue("weight") is { } w)
            {
                weight = w is string ? double.NaN : Convert.ToDouble(w, CultureInfo.InvariantCulture);
                if (!double.IsFinite(weight) || weight is <= 0 or > MaxWeight)
                {
                    return DomainError.Validation($"{field}: feature {number}'s weight must be a number above 0 and at most {MaxWeight:N0}", field);
                }
            }
        }

        Coordinate[] positions = feature.Geometry switch
        {
            Point { IsEmpty: false } point => [point.Coordinate],
            MultiPoint { IsEmpty: false } multi => multi.Coordinates,
            _ => [],
        };
        if (positions.Length == 0)
        {
            return DomainError.Validation(
                $"{field}: feature {number} must be a Point or MultiPoint, got {feature.Geometry?.GeometryType ?? "no geometry"}", field);
        }

        foreach (var position in positions)
        {
            if (points.Count >= MaxPoints)
            {
                return DomainError.Validation($"{field} holds more than {MaxPoints:N0} points", field);
            }

            if (GeoPoint.Check(position.Y, position.X, field) is { } bad)
            {
                return bad with { Message = $"{field}: point {points.Count + 1}: {bad.Message}" };
            }

            var n = points.Count + 1;
            points.Add(new DemandPoint(
                string.Create(CultureInfo.InvariantCulture, $"given-{n}"),
                name ?? string.Create(CultureInfo.InvariantCulture, $"#{n}"),
                DemandKind.Given, new GeoPoint(position.Y, position.X), weight));
        }

        return null;
    }
}
