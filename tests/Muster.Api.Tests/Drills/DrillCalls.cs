using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;
using Npgsql;

namespace Muster.Api.Tests.Drills;

/// <summary>Starting, playing and ending drills over HTTP, and reading the real database as it is.</summary>
public static class DrillCalls
{
    public const string Start = """
        mutation($input: StartDrillInput!) { startDrill(input: $input) { drill { id name status endpoint incidentId scenario { kind level title } } errors { code message field } } }
        """;

    public const string End = """
        mutation($input: EndDrillInput!) {
          endDrill(input: $input) {
            drill { id status endedAt plan { lastDrillOn lastDrillNotes }
              afterAction { eventCount
                responses { title reportedAt firstProposedAt approvedAt shippedAt closedAt proposals secondsToProposal secondsToApproval }
                comparedWithPlan { kind what required dispatched short } shortOf { kind what quantity } coverageLost { capability }
                timeline { eventType actorSubject streamId } } }
            errors { code message field }
          }
        }
        """;

    public static async Task<JsonNode> StartAsync(MusterApp app, string planId, double lat, double lon, string? title = null, string role = "commander")
    {
        var response = await app.PostAsync(Start, new { input = new { planId, scenario = new { location = new { lat, lon }, title } } }, app.Token(role, subject: $"{role}-li"));
        return response.Data?["startDrill"] ?? throw new InvalidOperationException(response.Text);
    }

    public static async Task<JsonNode> EndAsync(MusterApp app, string drillId, string? notes = null)
    {
        var response = await app.PostAsync(End, new { input = new { drillId, notes } }, app.Token("commander"));
        return response.Data?["endDrill"] ?? throw new InvalidOperationException(response.Text);
    }

    /// <summary>POSTs one operation to a drill's endpoint.</summary>
    public static async Task<GraphQLResponse> InDrillAsync(MusterApp app, string endpoint, string query, object? variables, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        return await app.SendAsync(request, token);
    }

    /// <summary>Every real unit's status, every stock line, and every event but the drills' own records: what a drill must leave as it was.</summary>
    public static async Task<string> RealStateAsync(MusterApp app)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        var text = new StringBuilder();
        foreach (var sql in new[]
                 {
                     "SELECT id || ' ' || status FROM muster.unit_locations ORDER BY id",
                     "SELECT id || ' ' || on_hand || ' ' || reserved || ' ' || in_transit || ' ' || updated_at FROM muster.stock_levels ORDER BY id",
                     "SELECT seq_id || ' ' || stream_id || ' ' || version || ' ' || type FROM muster.mt_events WHERE type NOT IN ('drill_started', 'drill_ended', 'drill_recorded') ORDER BY seq_id",
                     "SELECT id || ' ' || data::text FROM muster.mt_doc_rescueunit ORDER BY id",
                     "SELECT id || ' ' || data::text FROM muster.mt_doc_stockline ORDER BY id",
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }

            text.AppendLine("--");
        }

        return text.ToString();
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The drill databases of this test's database on the server.</summary>
    public static Task<long> DrillDatabasesAsync(MusterApp app) =>
        ScalarAsync(TestDatabase.AdminConnectionString(), $"SELECT count(*) FROM pg_database WHERE datname LIKE '{app.Database.Name}_drill_%'");

    public static string DrillDatabase(MusterApp app, string drillsDatabaseSuffix) =>
        new NpgsqlConnectionStringBuilder(app.Database.ConnectionString) { Database = app.Database.Name + "_drill_" + drillsDatabaseSuffix }.ConnectionString;
}
