using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Duty;
using Muster.Duty.Scheduling;
using Muster.Infrastructure;

namespace Muster.Seeding;

/// <summary>The demo duty roster (<c>duty-roster.json</c>): who of the bureau stands duty, by rotation.</summary>
public sealed record SeedRoster(
    string Agency, string TimeZone, string StartsAt, int Hours, int Days,
    IReadOnlyList<DutyPersonInput> Leaders, IReadOnlyList<DutyPersonInput> Officers, IReadOnlyList<DutyPersonInput>? OnEveryShift);

public sealed partial class SeedLoader
{
    public const string RosterFile = "duty-roster.json";

    private static readonly JsonSerializerOptions RosterJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Shifts from the one running at load time (starting at <c>startsAt</c>, local) for <c>days</c> days, leaders and
    /// two officers by rotation on the calendar day (so that a later load continues the same rotation). A slot that any
    /// shift already overlaps is left alone: loading twice writes nothing, and the bureau's own shifts stay.
    /// </summary>
    private async Task<SeedCount> LoadRosterAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, RosterFile);
        if (!File.Exists(path))
        {
            return new SeedCount(0, 0);
        }

        SeedRoster seed;
        await using (var stream = File.OpenRead(path))
        {
            seed = await JsonSerializer.DeserializeAsync<SeedRoster>(stream, RosterJson, ct)
                ?? throw new InvalidOperationException($"seed roster: {RosterFile} is empty");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(seed.TimeZone);
        var startsAt = TimeOnly.ParseExact(seed.StartsAt, "HH:mm", CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var first = Local(today, startsAt, zone) <= now ? today : today.AddDays(-1);
        var slots = Enumerable.Range(0, seed.Days).Select(i => first.AddDays(i)).ToList();

        return await EachAsync(slots, "duty shifts",
            async (session, day) =>
            {
                var (from, until) = (Local(day, startsAt, zone), Local(day, startsAt, zone).AddHours(seed.Hours));
                var roster = await session.LoadAsync<DutyRoster>(DutyRoster.StreamId, ct) ?? DutyRoster.Empty;
                return roster.Shifts.Any(s => s.StartsAt < until && from < s.EndsAt);
            },
            (services, day) =>
            {
                var n = day.DayNumber;
                var officers = new[] { seed.Officers[(2 * n) % seed.Officers.Count], seed.Officers[((2 * n) + 1) % seed.Officers.Count] }
                    .Concat(seed.OnEveryShift ?? []).ToList();
                var from = Local(day, startsAt, zone);
                return services.GetRequiredService<ScheduleDutyHandler>().Handle(
                    new ScheduleDuty(seed.Leaders[n % seed.Leaders.Count], officers, from, from.AddHours(seed.Hours)), ct);
            }, ct);
    }

    private static DateTimeOffset Local(DateOnly day, TimeOnly at, TimeZoneInfo zone)
    {
        var wall = day.ToDateTime(at);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }
}
