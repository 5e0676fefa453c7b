using Marten;
using Muster.Depots;
using Muster.Jurisdictions;
using Muster.Spatial;
using Muster.Units;

namespace Muster.Readiness.MoveUp;

public enum PostKind
{
    Depot,
    TownshipSeat,
    Station,
}

/// <summary>A place a unit may be moved up to. Its id names its source: <c>depot:…</c>, <c>seat:…</c>, <c>station:…</c> (a unit's id).</summary>
public sealed record MovePost(string Id, string Name, PostKind Kind, GeoPoint Location);

/// <summary>
/// The candidate posts, read from the register: open depots, township seats, and the home stations of the units that
/// carry the capability. Posts closer than <see cref="MoveUpOptions.SamePlaceMeters"/> to an earlier one are the same
/// place and kept once (a depot before a seat before a station; a station shared by several units once).
/// </summary>
public sealed class MovePosts(IQuerySession session, MoveUpOptions options)
{
    public async Task<IReadOnlyList<MovePost>> ForAsync(string capability, CancellationToken ct)
    {
        var depots = await session.Query<Depot>().Where(d => !d.Closed).ToListAsync(ct);
        var seats = await session.Query<Jurisdiction>().Where(j => j.Level == JurisdictionLevel.Township).ToListAsync(ct);
        var stations = await session.Query<RescueUnit>().Where(u => u.Capabilities.Contains(capability)).ToListAsync(ct);
        var all = depots.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new MovePost($"depot:{d.Id}", d.Name, PostKind.Depot, d.Location))
            .Concat(seats.Where(s => s.Seat is not null).OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new MovePost($"seat:{s.Id}", s.Name, PostKind.TownshipSeat, s.Seat!.Value)))
            .Concat(stations.OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => new MovePost($"station:{u.Id}", u.Name, PostKind.Station, u.HomeStation)));
        return Distinct(all, options.SamePlaceMeters);
    }

    /// <summary>The posts of these ids (as <see cref="ForAsync"/> names them), by id; an unknown id is missing from the answer.</summary>
    public async Task<IReadOnlyDictionary<string, MovePost>> FindAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var found = new Dictionary<string, MovePost>();
        foreach (var id in ids.Distinct())
        {
            var parts = id.Split(':', 2);
            if (parts.Length != 2 || !Guid.TryParse(parts[1], out var guid))
            {
                continue;
            }

            MovePost? post = parts[0] switch
            {
                "depot" => await session.LoadAsync<Depot>(guid, ct) is { Closed: false } d ? new MovePost(id, d.Name, PostKind.Depot, d.Location) : null,
                "seat" => await session.LoadAsync<Jurisdiction>(guid, ct) is { Level: JurisdictionLevel.Township, Seat: { } seat } j
                    ? new MovePost(id, j.Name, PostKind.TownshipSeat, seat) : null,
                "station" => await session.LoadAsync<RescueUnit>(guid, ct) is { } u ? new MovePost(id, u.Name, PostKind.Station, u.HomeStation) : null,
                _ => null,
            };
            if (post is not null)
            {
                found[id] = post;
            }
        }

        return found;
    }

    private static List<MovePost> Distinct(IEnumerable<MovePost> posts, double samePlaceMeters)
    {
        var kept = new List<MovePost>();
        foreach (var post in posts)
        {
            if (!kept.Any(k => k.Location.ApproximateMetersTo(post.Location) < samePlaceMeters))
            {
                kept.Add(post);
            }
        }

        return kept;
    }
}
