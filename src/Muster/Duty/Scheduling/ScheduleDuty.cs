using System.Globalization;
using Muster.Infrastructure;
using Muster.Infrastructure.Text;
using Muster.Infrastructure.Writing;

namespace Muster.Duty.Scheduling;

/// <summary>One person as a caller names them; <see cref="Login"/> optional.</summary>
public sealed record DutyPersonInput(string? Name, string? Phone, string? Login);

public sealed record ScheduleDuty(DutyPersonInput? Leader, IReadOnlyList<DutyPersonInput> Officers, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public static class ScheduleDutyDecision
{
    public const int MaxNameLength = 50;
    public const int MaxLoginLength = 200;
    public const int MaxOfficers = 10;
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(72);

    /// <summary>
    /// The shift, or why not: a leader and one to <see cref="MaxOfficers"/> officers, each with a name and a phone; an end
    /// after the start, at most <see cref="MaxLength"/> later and not yet past (a shift may start in the past to cover the
    /// present); no overlap with a shift on <paramref name="roster"/> (nor with <paramref name="alsoPlanned"/>, the
    /// spreadsheet's rows above).
    /// </summary>
    public static Result<DutyScheduled> Decide(
        DutyRoster roster, ScheduleDuty command, Guid shiftId, DateTimeOffset now, IReadOnlyList<DutyScheduled>? alsoPlanned = null)
    {
        if (command.Leader is null || string.IsNullOrWhiteSpace(command.Leader.Name))
        {
            return DomainError.Validation("a shift needs a duty leader (带班领导)", "leader");
        }

        var leader = Person(command.Leader, "leader");
        if (!leader.Succeeded)
        {
            return Result<DutyScheduled>.Fail(leader.Errors);
        }

        if (command.Officers.Count is 0 or > MaxOfficers)
        {
            return DomainError.Validation($"a shift needs 1 to {MaxOfficers} duty officers (值班员)", "officers");
        }

        var officers = new List<DutyPerson>();
        for (var i = 0; i < command.Officers.Count; i++)
        {
            var officer = Person(command.Officers[i], $"officers[{i}]");
            if (!officer.Succeeded)
            {
                return Result<DutyScheduled>.Fail(officer.Errors);
            }

            officers.Add(officer.Value!);
        }

        if (command.EndsAt <= command.StartsAt)
        {
            return DomainError.Validation("a shift ends after it starts", "endsAt");
        }

        if (command.EndsAt - command.StartsAt > MaxLength)
        {
            return DomainError.Validation($"a shift lasts at most {MaxLength.TotalHours:0} hours", "endsAt");
        }

        if (command.EndsAt <= now)
        {
            return DomainError.Validation($"the shift would be over already (it ends {Stamp(command.EndsAt)})", "endsAt");
        }

        var overlapping = roster.Shifts.Where(s => s.StartsAt < command.EndsAt && command.StartsAt < s.EndsAt)
            .Select(s => (s.Leader.Name, s.StartsAt, s.EndsAt))
            .Concat((alsoPlanned ?? []).Where(s => s.StartsAt < command.EndsAt && command.StartsAt < s.EndsAt)
                .Select(s => (s.Leader.Name, s.StartsAt, s.EndsAt)))
            .FirstOrDefault();
        if (overlapping.Name is not null)
        {
            return DomainError.Validation(
                $"the shift overlaps the shift led by {overlapping.Name} from {Stamp(overlapping.StartsAt)} to {Stamp(overlapping.EndsAt)}", "startsAt");
        }

        return new DutyScheduled(shiftId, leader.Value!, officers, command.StartsAt, command.EndsAt);
    }

    private static Result<DutyPerson> Person(DutyPersonInput? person, string field)
    {
        if (person is null)
        {
            return DomainError.Validation($"{field} must name a person", field);
        }

        var name = TextRules.Name(person.Name, field + ".name", MaxNameLength);
        if (!name.Succeeded)
        {
            return Result<DutyPerson>.Fail(name.Errors);
        }

        var phone = Phone(person.Phone, field + ".phone");
        if (!phone.Succeeded)
        {
            return Result<DutyPerson>.Fail(phone.Errors);
        }

        var login = TextRules.Name(person.Login, field + ".login", MaxLoginLength, required: false);
        return login.Succeeded ? new DutyPerson(name.Value!, phone.Value!, login.Value) : Result<DutyPerson>.Fail(login.Errors);
    }

    /// <summary>A phone number as people write it: digits, with an optional leading +, spaces and hyphens; 3 to 15 digits.</summary>
    public static Result<string> Phone(string? phone, string field)
    {
        var trimmed = phone?.Trim() ?? string.Empty;
        var digits = trimmed.Count(char.IsAsciiDigit);
        var wellFormed = trimmed.Length <= 24
            && trimmed.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '-' || (c == '+' && i == 0)).All(ok => ok);
        return wellFormed && digits is >= 3 and <= 15
            ? trimmed
            : DomainError.Validation($"{field} must be a phone number (3 to 15 digits, with an optional leading +, spaces or hyphens)", field);
    }

    public static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}

public sealed class ScheduleDutyHandler(EventWriter writer, TimeProvider time)
{
    /// <summary>Schedules the shift and answers it; a roster changed meanwhile is decided again on its fresh state.</summary>
    public async Task<Result<DutyShift>> Handle(ScheduleDuty command, CancellationToken ct)
    {
        var shiftId = Guid.NewGuid();
        var roster = await writer.ChangeAsync<DutyRoster, DutyScheduled>(DutyRoster.StreamId,
            (current, _) => ScheduleDutyDecision.Decide(current ?? DutyRoster.Empty, command, shiftId, time.GetUtcNow()),
            DomainError.Conflict("the roster kept changing; read it again and retry", "startsAt"), ct, OnLostRace.DecideAgain);
        return roster.Succeeded ? roster.Value!.Find(shiftId)! : Result<DutyShift>.Fail(roster.Errors);
    }
}
