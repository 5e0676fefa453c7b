using System.Text.Json.Nodes;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Reports;

public static class ReportCalls
{
    public const string ReportFields = "id kind number stage title level jurisdictionName casualties { deaths injured missing trapped } units experts supplies shortages summary measures nextSteps text filedBy filedAt pdfUrl";

    public const string File = $$"""
        mutation($input: FileIncidentReportInput!) { fileIncidentReport(input: $input) { report { {{ReportFields}} } errors { code message field } } }
        """;

    public const string Reports = $$"""query($id: ID!) { incidentReports(incidentId: $id) { {{ReportFields}} } }""";

    public const string Draft = """
        query($id: ID!, $kind: ReportKind) { draftIncidentReport(incidentId: $id, kind: $kind) { kind number stage title units shortages summary measures nextSteps text due { kind dueAt dueByPhoneAt overdue } } }
        """;

    public const string Deadlines = """query($id: ID!) { reportDeadlines(incidentId: $id) { kind dueAt dueByPhoneAt overdue flaggedAt } }""";

    public const string Overdue = """query { overdueReports { incident { id title } kind level dueAt overdue flaggedAt } }""";

    public static async Task<JsonNode> FileAsync(MusterApp app, string incidentId, string kind, object? casualties = null, string? token = null, string? summary = null)
    {
        var response = await app.PostAsync(File, new { input = new { incidentId, kind, casualties, summary } }, token ?? app.Token("commander"));
        return response.Data?["fileIncidentReport"] ?? throw new InvalidOperationException(response.Text);
    }

    public static (string? Code, string? Field) Error(JsonNode payload) =>
        payload["errors"]!.AsArray().FirstOrDefault() is { } e ? (e["code"]!.GetValue<string>(), e["field"]?.GetValue<string>()) : (null, null);
}
