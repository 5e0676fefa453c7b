using System.Globalization;
using System.Text;
using Muster.Dispatch;
using Muster.Incidents;
using Muster.Reports.Rendering;

namespace Muster.Reports.Drafting;

/// <summary>A report as Muster drafts it from the incident's timeline; the officer may edit its narrative before filing. Pure.</summary>
public static class ReportDrafting
{
    /// <summary>The stage the incident owes next: the initial report, then follow-ups while it is open, then the final report.</summary>
    public static ReportKind NextKind(Incident incident, ReportLog? log) =>
        log?.Initial is null ? ReportKind.Initial
        : incident.Status == IncidentStatus.Closed ? ReportKind.Final
        : ReportKind.FollowUp;

    /// <summary>The draft of a report of <paramref name="kind"/>; casualties as given, else as the last report said.</summary>
    public static ReportContent Draft(IncidentFacts facts, ReportKind kind, Casualties? casualties, ReportsOptions options)
    {
        var incident = facts.Incident;
        var number = (facts.Log?.Reports.Count ?? 0) + 1;
        var units = facts.Units.Select(u => $"{u.Name}（{ReportWords.Of(u.Kind)}，{u.CrewSize}人）").ToList();
        var experts = facts.Experts.Select(e => e.Name).ToList();
        var supplies = Supplies(facts);
        var shortages = Shortages(facts);
        var place = facts.Jurisdiction?.Name is { } named
            ? $"{named}（{ReportWords.Place(incident.Location.Lat, incident.Location.Lon)}）"
            : ReportWords.Place(incident.Location.Lat, incident.Location.Lon);

        var summary = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{ReportWords.Time(incident.ReportedAt, options.UtcOffset)}，{place}发生{incident.Title}。")
            .Append(incident.Description is { Length: > 0 } description ? description.TrimEnd('。') + "。" : "")
            .Append(CultureInfo.InvariantCulture, $"事件类型为{ReportWords.Of(incident.Kind)}，响应级别{ReportWords.Of(incident.Level)}，目前{ReportWords.Of(incident.Status)}。")
            .ToString();

        var nextSteps = incident.Status == IncidentStatus.Closed
            ? "做好善后处置、事故调查和总结评估工作。"
            : shortages.Count > 0
                ? $"继续组织救援，协调补充尚缺力量和物资（{string.Join("；", shortages)}），核实伤亡情况，按时续报。"
                : "继续组织救援，核实伤亡情况，密切关注事态发展，按时续报。";

        return new ReportContent(
            $"关于{incident.Title}的{ReportWords.Stage(kind, number)}",
            incident.Title, incident.Kind, incident.Level, incident.Status, incident.ReportedAt, incident.Location,
            facts.Jurisdiction?.Id, facts.Jurisdiction?.Name,
            casualties ?? facts.Log?.Latest?.Content.Casualties,
            units, experts, supplies, shortages,
            summary, Measures(facts, options), nextSteps);
    }

    /// <summary>One line per decisive event of the incident's stream, in order.</summary>
    private static string Measures(IncidentFacts facts, ReportsOptions options)
    {
        var lines = new List<string>();
        foreach (var entry in facts.Timeline)
        {
            var at = ReportWords.Clock(entry.At, options.UtcOffset);
            switch (entry.Data)
            {
                case IncidentReported reported:
                    lines.Add($"{at}，接报后按{ReportWords.Of(reported.Level)}响应启动应急处置。");
                    break;
                case IncidentLevelChanged changed:
                    lines.Add($"{at}，响应级别由{ReportWords.Of(changed.From)}调整为{ReportWords.Of(changed.To)}（{changed.Reason}）。");
                    break;
                case DispatchApproved approved:
                    var parts = new List<string>();
                    if (approved.UnitIds.Count > 0)
                    {
                        parts.Add($"救援队伍{approved.UnitIds.Count}支");
                    }

                    if (approved.ExpertIds.Count > 0)
                    {
                        parts.Add($"专家{approved.ExpertIds.Count}名");
                    }

                    if (approved.SupplyRequestId is not null)
                    {
                        parts.Add("应急物资");
                    }

                    lines.Add($"{at}，批准调度方案，调派{(parts.Count == 0 ? "力量" : string.Join("、", parts))}赶赴现场。");
                    break;
                case IncidentClosed closed:
                    lines.Add($"{at}，应急响应结束（{closed.Reason}）。");
                    break;
            }
        }

        return string.Join("\n", lines.Select((line, i) => $"{i + 1}. {line}"));
    }

    private static List<string> Supplies(IncidentFacts facts)
    {
        var items = facts.Items.ToDictionary(i => i.Code);
        return facts.Requests
            .SelectMany(r => r.Lines.Select(l => (Request: r, Line: l)))
            .Select(x =>
            {
                var item = items.GetValueOrDefault(x.Line.ItemCode);
                var name = item?.Name ?? x.Line.ItemCode;
                var unit = item?.Unit ?? "";
                return $"{name}{x.Line.Quantity}{unit}（{ReportWords.Of(x.Request.Status)}，已调拨{x.Request.AllocatedOf(x.Line.ItemCode)}{unit}）";
            })
            .ToList();
    }

    /// <summary>What the approved proposals could not meet, and what the supply requests still lack.</summary>
    private static List<string> Shortages(IncidentFacts facts)
    {
        var approved = facts.Timeline.Select(t => t.Data).OfType<DispatchApproved>().Select(a => a.ProposalId).ToHashSet();
        var items = facts.Items.ToDictionary(i => i.Code);
        var fromProposals = facts.Timeline.Select(t => t.Data).OfType<DispatchProposed>()
            .Where(p => approved.Contains(p.Proposal.Id))
            .SelectMany(p => p.Proposal.Shortfalls)
            .Where(s => s.Kind != ShortfallKind.Supply)
            .Select(s => s.Kind == ShortfallKind.Unit ? $"具备{s.What}能力的队伍{s.Quantity}支" : $"{s.What}专家{s.Quantity}名");
        var fromRequests = facts.Requests
            .Where(r => r.Status is not (Requests.SupplyRequestStatus.Cancelled or Requests.SupplyRequestStatus.Rejected))
            .SelectMany(r => r.Missing())
            .Select(m => items.GetValueOrDefault(m.ItemCode) is { } item ? $"{item.Name}{m.Quantity}{item.Unit}" : $"物资{m.ItemCode} {m.Quantity}");
        return [.. fromProposals, .. fromRequests];
    }
}
