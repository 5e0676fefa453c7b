using Marten;
using Muster.Hazards.Registering;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;
using Muster.Jurisdictions;

namespace Muster.Hazards.Importing;

/// <summary>One row of a hazard ledger sheet: the site it registers, or why its cells could not be read.</summary>
public sealed record HazardSheetRow(int Row, string? Name, RegisterHazardSite? Site, IReadOnlyList<DomainError> CellErrors);

/// <summary>What became of one row: registered, already in the ledger (by name), or refused with its errors.</summary>
public sealed record HazardRowOutcome(int Row, string? Name, string Outcome, IReadOnlyList<DomainError> Errors);

public sealed record HazardImportReport(bool Applied, int Registered, int Present, int InvalidRows, IReadOnlyList<HazardRowOutcome> Rows);

/// <summary>
/// Registers the sites of a sheet, all or none: every row is checked as <c>registerHazardSite</c> would check it (and
/// against the rows above it), and if any row is bad nothing is written and the report names each bad row. A row naming
/// a site already in the ledger is left alone (importing an exported ledger again changes nothing).
/// </summary>
public sealed class ImportHazardSitesHandler(EventWriter writer, IJurisdictionDirectory directory)
{
    public const int MaxRows = 2000;

    public Task<Result<HazardImportReport>> Handle(IReadOnlyList<HazardSheetRow> rows, CancellationToken ct) =>
        writer.RunAsync<HazardImportReport>(
            async (session, actor, token) =>
            {
                var scope = await HazardScope.OfAsync(actor, directory, token);
                var names = rows.Select(r => r.Site?.Name?.Trim()).OfType<string>().Distinct().ToArray();
                var present = (await session.Query<HazardSite>().Where(s => names.Contains(s.Name)).Select(s => s.Name).ToListAsync(token)).ToHashSet();
                var seen = new HashSet<string>();
                var outcomes = new List<HazardRowOutcome>();
                var accepted = new List<HazardSiteRegistered>();
                foreach (var row in rows)
                {
                    var name = (row.Site?.Name ?? row.Name)?.Trim();
                    if (row.CellErrors.Count > 0 || row.Site is null)
                    {
                        outcomes.Add(new HazardRowOutcome(row.Row, name, "invalid", row.CellErrors));
                        continue;
                    }

                    if (name is not null && !seen.Add(name))
                    {
                        outcomes.Add(new HazardRowOutcome(row.Row, name, "invalid", [DomainError.Validation($"'{name}' is named by a row above", "name")]));
                        continue;
                    }

                    if (name is not null && present.Contains(name))
                    {
                        outcomes.Add(new HazardRowOutcome(row.Row, name, "present", []));
                        continue;
                    }

                    var decision = await DecideAsync(row.Site, scope, token);
                    outcomes.Add(new HazardRowOutcome(row.Row, name, decision.Succeeded ? "registered" : "invalid", decision.Errors));
                    if (decision.Succeeded)
                    {
                        accepted.Add(decision.Value!);
                    }
                }

                var invalid = outcomes.Count(o => o.Errors.Count > 0);
                var applied = invalid == 0 && accepted.Count > 0;
                if (applied)
                {
                    foreach (var registered in accepted)
                    {
                        session.Events.StartStream<HazardSite>(registered.SiteId, registered);
                    }
                }

                var report = new HazardImportReport(applied, applied ? accepted.Count : 0, outcomes.Count(o => o.Outcome == "present"), invalid, outcomes);
                // With a bad row nothing was appended, so the save writes nothing; the report is the answer either way.
                return report;
            },
            DomainError.Conflict("a site of one of these names was registered meanwhile; import again", "name"), ct);

    private async Task<Result<HazardSiteRegistered>> DecideAsync(RegisterHazardSite site, HazardScope scope, CancellationToken ct)
    {
        var shape = HazardGeometry.Of(site.Location, site.Line);
        if (!shape.Succeeded)
        {
            return Result<HazardSiteRegistered>.Fail(shape.Errors);
        }

        var place = await SitePlace.FindAsync(directory, shape.Value!, ct);
        return RegisterHazardSiteDecision.Decide(site, Guid.CreateVersion7(), scope, shape.Value!, place, nameTaken: false);
    }
}
