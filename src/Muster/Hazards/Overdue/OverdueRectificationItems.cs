using Marten;
using Muster.Duty.OpenItems;

namespace Muster.Hazards.Overdue;

/// <summary>What a shift hands over of the hazard ledger: every hidden danger past its deadline and not rectified.</summary>
public sealed class OverdueRectificationItems(IQuerySession session) : IOpenItemSource
{
    public async Task<IReadOnlyList<OpenItem>> OpenAtAsync(DateTimeOffset at, CancellationToken ct)
    {
        var overdue = await OverdueAsync(session, at, null, ct);
        var sites = await session.LoadManyAsync<HazardSite>(ct, overdue.Select(d => d.SiteId).Distinct());
        var names = sites.ToDictionary(s => s.Id, s => s.Name);
        return [.. overdue.Select(d => new OpenItem(OpenItemKind.RectificationOverdue, d.Id,
            $"{names.GetValueOrDefault(d.SiteId, "?")}: {d.Description}", d.Deadline))];
    }

    /// <summary>The hidden dangers past their deadline at <paramref name="at"/> and not rectified, in <paramref name="jurisdictions"/> (null: all), soonest deadline first.</summary>
    public static async Task<IReadOnlyList<HiddenDanger>> OverdueAsync(IQuerySession session, DateTimeOffset at, Guid[]? jurisdictions, CancellationToken ct)
    {
        var dangers = session.Query<HiddenDanger>().Where(d => d.Status != DangerStatus.Rectified && d.Deadline < at);
        if (jurisdictions is not null)
        {
            dangers = dangers.Where(d => jurisdictions.Contains(d.JurisdictionId));
        }

        return await dangers.OrderBy(d => d.Deadline).ThenBy(d => d.Id).ToListAsync(ct);
    }
}
