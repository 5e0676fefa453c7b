using Marten;

namespace Muster.Reports;

/// <summary>Filed reports by their own id, and who may read them.</summary>
public static class ReportLookup
{
    public static async Task<IReadOnlyList<IncidentReport>> FindAsync(IQuerySession session, IReadOnlyCollection<Guid> reportIds, CancellationToken ct)
    {
        var wanted = reportIds.ToArray();
        var found = new List<IncidentReport>();
        foreach (var id in wanted.Distinct())
        {
            var log = await session.Query<ReportLog>().Where(l => l.Reports.Any(r => r.Id == id)).FirstOrDefaultAsync(ct);
            if (log?.Reports.FirstOrDefault(r => r.Id == id) is { } report)
            {
                found.Add(report);
            }
        }

        return found;
    }

    /// <summary>
    /// Reports go from the bureau to its superiors: admin and commanders file them, logistics reads them; a partner agency
    /// does not see them (it learns of incidents through the incidents themselves).
    /// </summary>
    public static bool MayRead(Infrastructure.Actor viewer) =>
        viewer.Role is Infrastructure.Role.Admin or Infrastructure.Role.Commander or Infrastructure.Role.Logistics;
}
