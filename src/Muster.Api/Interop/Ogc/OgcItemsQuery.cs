using System.Globalization;

namespace Muster.Api.Interop.Ogc;

/// <summary>A box in WGS84 degrees, as OGC API – Features writes it: west,south,east,north.</summary>
public sealed record OgcBbox(double West, double South, double East, double North);

/// <summary>The parameters of an items request (bbox, datetime, limit, offset), checked; or the first thing wrong with them.</summary>
public sealed record OgcItemsQuery(OgcBbox? Bbox, DateTimeOffset? From, DateTimeOffset? To, int Limit, int Offset)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static (OgcItemsQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        var limit = DefaultLimit;
        if (query["limit"].FirstOrDefault() is { } l)
        {
            if (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1)
            {
                return (null, $"limit must be a whole number from 1 (at most {MaxLimit} are answered), got '{l}'");
            }

            limit = Math.Min(limit, MaxLimit);
        }

        var offset = 0;
        if (query["offset"].FirstOrDefault() is { } o && !int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            return (null, $"offset must be a whole number from 0, got '{o}'");
        }

        OgcBbox? bbox = null;
        if (query["bbox"].FirstOrDefault() is { } b)
        {
            var parts = b.Split(',');
            var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN).ToArray();
            if (parts.Length != 4 || numbers.Any(double.IsNaN))
            {
                return (null, $"bbox must be four numbers west,south,east,north in WGS84 degrees, got '{b}'");
            }

            bbox = new OgcBbox(numbers[0], numbers[1], numbers[2], numbers[3]);
            if (bbox.South > bbox.North || bbox.West > bbox.East || bbox.South < -90 || bbox.North > 90 || bbox.West < -180 || bbox.East > 180)
            {
                return (null, "bbox must have west ≤ east within -180..180 and south ≤ north within -90..90");
            }
        }

        DateTimeOffset? from = null, to = null;
        if (query["datetime"].FirstOrDefault() is { } d)
        {
            var ends = d.Split('/');
            if (ends.Length > 2 || !TryInstant(ends[0], out from) || !TryInstant(ends[^1], out to) || (ends.Length == 1 && from is null))
            {
                return (null, $"datetime must be an RFC 3339 instant or an interval 'start/end' ('..' for an open end), got '{d}'");
            }

            if (from > to)
            {
                return (null, "datetime must not end before it starts");
            }
        }

        return (new OgcItemsQuery(bbox, from, to, limit, offset), null);
    }

    private static bool TryInstant(string text, out DateTimeOffset? instant)
    {
        instant = null;
        if (text is ".." or "")
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            instant = at;
            return true;
        }

        return false;
    }
}
