using Marten;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;
using Muster.Jurisdictions.Enterprises;
using Muster.Jurisdictions.Staffing;

namespace Muster.Jurisdictions.Handbook;

/// <summary>
/// One row of the handbook sheet: a person of a jurisdiction (named by its path, 霍州市/白龙镇/白龙村) or of an enterprise
/// in it. A row with no role, name and phone lists the entry with no persons.
/// </summary>
public sealed record HandbookRow(int Row, string? Jurisdiction, string? Enterprise, string? Role, string? Name, string? Phone);

/// <summary>What is wrong with a row, naming the column as the sheet heads it.</summary>
public sealed record HandbookRowError(int Row, string Column, string Message);

public sealed record HandbookImportReport(bool Applied, int Rows, int Jurisdictions, int Enterprises, IReadOnlyList<HandbookRowError> Errors);

/// <summary>
/// Imports the handbook sheet, all or nothing: every row is checked first (the jurisdiction exists and the caller may
/// keep its people, role, name and phone are valid); any bad row and nothing is written, the report lists them all.
/// Otherwise the persons of every jurisdiction and enterprise in the sheet become the rows listed for it, in their
/// order, and enterprises not yet in a handbook are entered: one transaction.
/// </summary>
public sealed record ImportHandbook(IReadOnlyList<HandbookRow> Rows);

public static class HandbookColumns
{
    public const string Jurisdiction = "辖区";
    public const string Level = "层级";
    public const string Enterprise = "企业";
    public const string Role = "职务";
    public const string Name = "姓名";
    public const string Phone = "电话";
}

public sealed class ImportHandbookHandler(EventWriter writer, IJurisdictionDirectory directory, IActorAccessor actors)
{
    public const int MaxRows = 5000;

    public async Task<Result<HandbookImportReport>> Handle(ImportHandbook command, CancellationToken ct)
    {
        var viewer = actors.Current ?? Actor.System;
        if (!viewer.IsIn(Role.Admin, Role.Commander, Role.Partner))
        {
            return new DomainError(ErrorCodes.Forbidden, "the handbook is imported by admin, commanders, or a township for its own jurisdictions");
        }

        if (command.Rows.Count > MaxRows)
        {
            return DomainError.Validation($"a handbook sheet has at most {MaxRows} rows", "rows");
        }

        var maintained = await directory.MaintainedAsync(viewer, ct);
        return await writer.RunAsync<HandbookImportReport>(async (session, actor, token) =>
        {
            var all = await session.Query<Jurisdiction>().ToListAsync(token);
            var paths = HandbookPaths.Of(all);
            var errors = new List<HandbookRowError>();
            var entries = new List<(Jurisdiction Jurisdiction, string? Enterprise, List<ResponsiblePerson> Persons)>();
            foreach (var row in command.Rows)
            {
                var before = errors.Count;
                var path = HandbookPaths.Normalize(row.Jurisdiction);
                Jurisdiction? jurisdiction = null;
                if (path.Length == 0)
                {
                    errors.Add(new(row.Row, HandbookColumns.Jurisdiction, "name the jurisdiction by its path, e.g. 霍州市/白龙镇"));
                }
                else if (!paths.TryGetValue(path, out jurisdiction) || !JurisdictionVisibility.MaySee(actor, jurisdiction.Id, maintained))
                {
                    errors.Add(new(row.Row, HandbookColumns.Jurisdiction, $"no jurisdiction '{path}'"));
                    jurisdiction = null;
                }
                else if (!JurisdictionRules.MayKeepPeople(actor, jurisdiction.Id, maintained))
                {
                    errors.Add(new(row.Row, HandbookColumns.Jurisdiction, $"you may not keep the persons of '{path}'"));
                }

                var enterprise = TextRules.Name(row.Enterprise, "enterprise", JurisdictionRules.MaxNameLength, required: false);
                if (!enterprise.Succeeded)
                {
                    errors.Add(new(row.Row, HandbookColumns.Enterprise, enterprise.Errors[0].Message));
                }

                ResponsiblePerson? person = null;
                if (!string.IsNullOrWhiteSpace(row.Role) || !string.IsNullOrWhiteSpace(row.Name) || !string.IsNullOrWhiteSpace(row.Phone))
                {
                    var checkedPersons = JurisdictionRules.Persons([new ResponsiblePerson(row.Role ?? "", row.Name ?? "", row.Phone ?? "")], "p");
                    if (checkedPersons.Succeeded)
                    {
                        person = checkedPersons.Value![0];
                    }
                    else
                    {
                        errors.AddRange(checkedPersons.Errors.Select(e => new HandbookRowError(row.Row, Column(e.Field), e.Message.Replace("p[0].", "", StringComparison.Ordinal))));
                    }
                }

                if (errors.Count > before || jurisdiction is null)
                {
                    continue;
                }

                var entry = entries.FindIndex(e => e.Jurisdiction.Id == jurisdiction.Id && e.Enterprise == enterprise.Value);
                if (entry < 0)
                {
                    entries.Add((jurisdiction, enterprise.Value, []));
                    entry = entries.Count - 1;
                }

                if (person is not null)
                {
                    entries[entry].Persons.Add(person);
                }
            }

            foreach (var (jurisdiction, enterprise, persons) in entries.Where(e => e.Persons.Count > JurisdictionRules.MaxPersons))
            {
                var first = command.Rows.First(r => HandbookPaths.Normalize(r.Jurisdiction) == paths.First(p => p.Value.Id == jurisdiction.Id).Key);
                errors.Add(new(first.Row, HandbookColumns.Role, $"{enterprise ?? jurisdiction.Name} lists {persons.Count} persons; at most {JurisdictionRules.MaxPersons}"));
            }

            if (errors.Count > 0)
            {
                return new HandbookImportReport(false, command.Rows.Count, 0, 0, errors);
            }

            return await ApplyAsync(session, actor, entries, maintained, command.Rows.Count, token);
        }, JurisdictionRules.Conflict, ct);
    }

    private static async Task<Result<HandbookImportReport>> ApplyAsync(
        IDocumentSession session, Actor actor, List<(Jurisdiction Jurisdiction, string? Enterprise, List<ResponsiblePerson> Persons)> entries,
        IReadOnlySet<Guid> maintained, int rows, CancellationToken ct)
    {
        var (jurisdictions, enterprises) = (0, 0);
        foreach (var group in entries.GroupBy(e => e.Jurisdiction.Id).OrderBy(g => g.Key))
        {
            var stream = await session.Events.FetchForWriting<Jurisdiction>(group.Key, ct);
            var state = stream.Aggregate!;
            foreach (var (_, enterpriseName, persons) in group)
            {
                object? change;
                if (enterpriseName is null)
                {
                    var decided = SetResponsiblePersonsDecision.Decide(state, new SetResponsiblePersons(state.Id, persons), actor, maintained);
                    if (!decided.Succeeded)
                    {
                        return Result<HandbookImportReport>.Fail(decided.Errors);
                    }

                    change = decided.Value;
                    jurisdictions += change is null ? 0 : 1;
                }
                else
                {
                    var existing = state.Enterprises.FirstOrDefault(e => e.Name == enterpriseName);
                    var decided = existing is null
                        ? Result<object?>.Ok(RegisterEnterpriseDecision.Decide(state, new RegisterEnterprise(state.Id, enterpriseName, null, persons), Guid.CreateVersion7(), actor, maintained) is { Succeeded: true } registered
                            ? registered.Value
                            : null)
                        : SetEnterprisePersonsDecision.Decide(state, new SetEnterprisePersons(existing.Id, persons), actor, maintained) is { Succeeded: true } set
                            ? Result<object?>.Ok(set.Value)
                            : Result<object?>.Fail(DomainError.Validation($"the persons of {enterpriseName} were refused", HandbookColumns.Enterprise));
                    change = decided.Value;
                    enterprises += change is null ? 0 : 1;
                }

                if (change is not null)
                {
                    stream.AppendOne(change);
                    state = JurisdictionEvolution.Evolve(state, change);
                }
            }
        }

        return new HandbookImportReport(true, rows, jurisdictions, enterprises, []);
    }

    private static string Column(string? field) => field switch
    {
        "p[0].role" => HandbookColumns.Role,
        "p[0].name" => HandbookColumns.Name,
        _ => HandbookColumns.Phone,
    };
}

/// <summary>Jurisdictions named by their path from the county down (霍州市/白龙镇/白龙村): names are unique only under a parent.</summary>
public static class HandbookPaths
{
    public static IReadOnlyDictionary<string, Jurisdiction> Of(IReadOnlyList<Jurisdiction> all)
    {
        var byId = all.ToDictionary(j => j.Id);
        string PathOf(Jurisdiction j) => j.ParentId is { } parent && byId.TryGetValue(parent, out var p) ? PathOf(p) + "/" + j.Name : j.Name;
        return all.ToDictionary(PathOf, j => j);
    }

    public static string Normalize(string? path) =>
        string.Join('/', (path ?? "").Split(['/', '／'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
