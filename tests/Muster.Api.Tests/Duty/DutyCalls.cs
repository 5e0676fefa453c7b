using System.Globalization;
using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Duty;

public static class DutyCalls
{
    public const string Schedule = """
        mutation($input: ScheduleDutyInput!) { scheduleDuty(input: $input) {
          shift { id leader { name phone login } officers { name phone } startsAt endsAt } errors { code message field } } }
        """;

    public const string HandOver = """
        mutation($input: HandOverDutyInput!) { handOverDuty(input: $input) {
          shift { id handedOver { by at toShiftId openItems { kind subjectId summary } notes } } errors { code message field } } }
        """;

    public const string Acknowledge = """
        mutation($input: AcknowledgeHandoverInput!) { acknowledgeHandover(input: $input) {
          shift { id received { by acknowledgedBy acknowledgedAt } } errors { code message field } } }
        """;

    public const string Now = "query($at: DateTime) { dutyNow(at: $at) { id leader { name } officers { name } startsAt endsAt } }";

    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static object Shift(DateTimeOffset startsAt, TimeSpan length, string leader = "值班领导甲", string? leaderLogin = null, string officer = "值班员甲", string? officerLogin = null) => new
    {
        input = new
        {
            leader = new { name = leader, phone = "0357-5550001", login = leaderLogin },
            officers = new[] { new { name = officer, phone = "0357-5550101", login = officerLogin } },
            startsAt = Iso(startsAt),
            endsAt = Iso(startsAt + length),
        },
    };

    /// <summary>Schedules as the commander and answers the new shift's id; fails the test on any error.</summary>
    public static async Task<string> ScheduleAsync(MusterApp app, object variables, string? token = null)
    {
        var response = await app.PostAsync(Schedule, variables, token ?? app.Token("commander"));
        var payload = response.Data?["scheduleDuty"] ?? throw new InvalidOperationException(response.Text);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["shift"]!["id"]!.GetValue<string>();
    }

    public static JsonNode? FirstError(GraphQLResponse response, string field) => response.Data?[field]?["errors"]?.AsArray().FirstOrDefault();
}
