using System.Globalization;
using Muster.Duty.Scheduling;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Duty.Importing;

/// <summary>One row of a roster sheet, as text; <see cref="Row"/> as the spreadsheet program numbers it (the header is row 1).</summary>
public sealed record RosterSheetRow(int Row, IReadOnlyDictionary<string, string?> Cells);

public sealed record ImportRoster(IReadOnlyList<RosterSheetRow> Rows, bool DryRun);

/// <summary>One cell's problem: the row, the column as the sheet names it, and what is wrong.</summary>
public sealed record RosterRowError(int Row, string Column, string Code, string Message);

public sealed record RosterImportReport(bool DryRun, bool Applied, int Shifts, IReadOnlyList<RosterRowError> Errors);

/// <summary>The columns of a roster sheet, in English or as the bureau's form writes them.</summary>
public static class RosterSheet
{
    public const int MaxOfficers = 3;

    public static readonly IReadOnlyList<(string Column, string Chinese)> Columns =
    [
        ("startsAt", "开始时间"), ("endsAt", "结束时间"),
        ("leader", "带班领导"), ("leaderPhone", "带班领导电话"), ("leaderLogin", "带班领导账号"),
        ("officer1", "值班员1"), ("officer1Phone", "值班员1电话"), ("officer1Login", "值班员1账号"),
        ("officer2", "值班员2"), ("officer2Phone", "值班员2电话"), ("officer2Login", "值班员2账号"),
        ("officer3", "值班员3"), ("officer3Phone", "值班员3电话"), ("officer3Login", "值班员3账号"),
    ];

    public static readonly IReadOnlyList<string> Required = ["startsAt", "endsAt", "leader", "leaderPhone", "officer1", "officer1Phone"];

    /// <summary>The sheet's column for a field of <see cref="ScheduleDuty"/>'s errors.</summary>
    public static string ColumnOf(string? field) => field switch
    {
        "leader" or "leader.name" => "leader",
        "leader.phone" => "leaderPhone",
        "leader.login" => "leaderLogin",
        "officers" => "officer1",
        "startsAt" => "startsAt",
        "endsAt" => "endsAt",
        ['o', 'f', 'f', 'i', 'c', 'e', 'r', 's', '[', var i, ']', '.', .. var rest] =>
            $"officer{i - '0' + 1}{rest switch { "phone" => "Phone", "login" => "Login", _ => "" }}",
        _ => field ?? "row",
    };

    /// <summary>A time as the sheet gives it: with an offset, or local to <paramref name="zone"/> without one.</summary>
    public static DateTimeOffset? Time(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] withOffset = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        if (text.Trim().Length > 16 && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParseExact(text.Trim(), withOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return exact;
        }

        string[] local = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss"];
        return DateTime.TryParseExact(text.Trim(), local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall)
            ? new DateTimeOffset(wall, zone.GetUtcOffset(wall))
            : null;
    }
}

public static class ImportRosterDecision
{
    private static readonly string[] TimeColumns = ["startsAt", "endsAt"];

    /// <summary>Every row checked against the roster and the rows above it; the shifts, or each bad row's errors.</summary>
    public static (IReadOnlyList<DutyScheduled> Shifts, IReadOnlyList<RosterRowError> Errors) Decide(
        DutyRoster roster, ImportRoster command, DateTimeOffset now, TimeZoneInfo zone, Func<Guid> newId)
    {
        var shifts = new List<DutyScheduled>();
        var errors = new List<RosterRowError>();
        foreach (var row in command.Rows)
        {
            string? Cell(string column) => row.Cells.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            var startsAt = RosterSheet.Time(Cell("startsAt"), zone);
            var endsAt = RosterSheet.Time(Cell("endsAt"), zone);
            if (startsAt is null || endsAt is null)
            {
                foreach (var column in TimeColumns.Where(c => RosterSheet.Time(Cell(c), zone) is null))
                {
                    errors.Add(new RosterRowError(row.Row, column, ErrorCodes.Validation,
                        $"{column} must be a time such as 2026-12-01 08:30 (local) or 2026-12-01T08:30:00+08:00"));
                }

                continue;
            }

            var officers = Enumerable.Range(1, RosterSheet.MaxOfficers)
                .Where(i => Cell($"officer{i}") is not null || Cell($"officer{i}Phone") is not null)
                .Select(i => new DutyPersonInput(Cell($"officer{i}"), Cell($"officer{i}Phone"), Cell($"officer{i}Login")))
                .ToList();
            var leader = Cell("leader") is null && Cell("leaderPhone") is null ? null : new DutyPersonInput(Cell("leader"), Cell("leaderPhone"), Cell("leaderLogin"));
            var decision = ScheduleDutyDecision.Decide(roster, new ScheduleDuty(leader, officers, startsAt.Value, endsAt.Value), newId(), now, shifts);
            if (decision.Succeeded)
            {
                shifts.Add(decision.Value!);
            }
            else
            {
                errors.AddRange(decision.Errors.Select(e => new RosterRowError(row.Row, RosterSheet.ColumnOf(e.Field), e.Code, e.Message)));
            }
        }

        return (shifts, errors);
    }
}

public sealed class ImportRosterHandler(EventWriter writer, TimeProvider time, DutyOptions options)
{
    public const int MaxRows = 1000;

    /// <summary>All rows or none: any bad row, or a dry run, writes nothing.</summary>
    public Task<Result<RosterImportReport>> Handle(ImportRoster command, CancellationToken ct) =>
        writer.RunAsync(
            async (session, _, token) =>
            {
                var stream = await session.Events.FetchForWriting<DutyRoster>(DutyRoster.StreamId, token);
                var (shifts, errors) = ImportRosterDecision.Decide(stream.Aggregate ?? DutyRoster.Empty, command, time.GetUtcNow(), options.Zone, Guid.NewGuid);
                var apply = errors.Count == 0 && !command.DryRun && shifts.Count > 0;
                if (apply)
                {
                    stream.AppendMany(shifts.Cast<object>().ToArray());
                }

                return Result<RosterImportReport>.Ok(new RosterImportReport(command.DryRun, apply, shifts.Count, errors));
            },
            DomainError.Conflict("the roster kept changing; import again"), ct, OnLostRace.DecideAgain);
}
