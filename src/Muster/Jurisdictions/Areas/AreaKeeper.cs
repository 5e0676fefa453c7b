using Marten;
using Muster.Spatial;

namespace Muster.Jurisdictions.Areas;

/// <summary>
/// Keeps the derived areas true inside a write: given the jurisdictions a write changes (new or changed, not yet stored),
/// it derives again the areas of the seat-only children of a parent, and of their children when theirs change, and
/// answers the <see cref="JurisdictionAreaDerived"/> events to record. The caller holds the parent's stream for
/// exclusive writing, so two writers under one parent do not derive from stale seats.
/// </summary>
public static class AreaKeeper
{
    public static async Task<IReadOnlyList<JurisdictionAreaDerived>> RederiveAsync(
        IQuerySession session, Jurisdiction parent, IDictionary<Guid, Jurisdiction> pending, CancellationToken ct)
    {
        var events = new List<JurisdictionAreaDerived>();
        await RederiveUnderAsync(session, parent, pending, events, ct);
        return events;
    }

    private static async Task RederiveUnderAsync(
        IQuerySession session, Jurisdiction parent, IDictionary<Guid, Jurisdiction> pending, List<JurisdictionAreaDerived> events, CancellationToken ct)
    {
        var children = await ChildrenAsync(session, parent.Id, pending, ct);
        if (children.Count == 0)
        {
            return;
        }

        var seated = children.Where(c => c.Boundary is null && c.Seat is not null).ToList();
        var derived = parent.Area is null
            ? seated.ToDictionary(c => c.Id, _ => (string?)null)
            : AreaPartition.Derive(
                    JurisdictionGeometry.Read(parent.Area),
                    children.Where(c => c.Boundary is not null).Select(c => JurisdictionGeometry.Read(c.Boundary!)),
                    seated.Select(c => (c.Id, c.Seat!.Value)).ToList(),
                    seated.Count > 0 ? seated[0].Level : JurisdictionLevel.Township)
                .ToDictionary(d => d.Key, d => d.Value is null ? null : JurisdictionGeometry.Write(d.Value));

        foreach (var child in children)
        {
            var changed = false;
            if (derived.TryGetValue(child.Id, out var area) && area != child.DerivedArea)
            {
                events.Add(new JurisdictionAreaDerived(child.Id, area));
                pending[child.Id] = child with { DerivedArea = area };
                changed = true;
            }

            if (changed || pending.ContainsKey(child.Id))
            {
                await RederiveUnderAsync(session, pending[child.Id], pending, events, ct);
            }
        }
    }

    /// <summary>The children as they will be after the write: stored ones replaced by pending ones, pending new ones added; by id, for a stable partition.</summary>
    public static async Task<IReadOnlyList<Jurisdiction>> ChildrenAsync(
        IQuerySession session, Guid parentId, IDictionary<Guid, Jurisdiction> pending, CancellationToken ct)
    {
        var stored = await session.Query<Jurisdiction>().Where(j => j.ParentId == parentId).ToListAsync(ct);
        return stored.Where(s => !pending.ContainsKey(s.Id))
            .Concat(pending.Values.Where(p => p.ParentId == parentId))
            .OrderBy(j => j.Id)
            .ToList();
    }
}
