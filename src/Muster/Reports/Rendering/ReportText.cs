using System.Text;

namespace Muster.Reports.Rendering;

/// <summary>One part of the bureau's form: a heading (标题、时间、地点 … or 一、事件概况 …) and its text.</summary>
public sealed record ReportSection(string Heading, string Body, bool Inline);

/// <summary>
/// A report in the order of the bureau's form, as plain text a duty officer pastes into it, and as the sections the PDF
/// lays out. The same words for both.
/// </summary>
public static class ReportText
{
    public static IReadOnlyList<ReportSection> Sections(IncidentReport report, ReportsOptions options)
    {
        var c = report.Content;
        var place = c.JurisdictionName is { } name
            ? $"{name}（{ReportWords.Place(c.Location.Lat, c.Location.Lon)}）"
            : ReportWords.Place(c.Location.Lat, c.Location.Lon);
        var forces = new List<string>
        {
            "救援队伍：" + (c.Units.Count == 0 ? "暂无" : $"{c.Units.Count}支，" + string.Join("；", c.Units)),
            "专家：" + (c.Experts.Count == 0 ? "暂无" : string.Join("、", c.Experts)),
            "应急物资：" + (c.Supplies.Count == 0 ? "暂无" : string.Join("；", c.Supplies)),
            "尚缺：" + (c.Shortages.Count == 0 ? "无" : string.Join("；", c.Shortages)),
        };
        return
        [
            new("标题", c.Title, true),
            new("报送单位", options.Issuer, true),
            new("报送时间", ReportWords.Time(report.FiledAt, options.UtcOffset), true),
            new("报告类别", ReportWords.Stage(report.Kind, report.Number), true),
            new("事发时间", ReportWords.Time(c.OccurredAt, options.UtcOffset), true),
            new("事发地点", place, true),
            new("事件类型及级别", $"{ReportWords.Of(c.IncidentKind)}，{ReportWords.Of(c.Level)}", true),
            new("一、事件概况", c.Summary, false),
            new("二、伤亡情况", ReportWords.Casualties(c.Casualties), false),
            new("三、已采取措施", c.Measures, false),
            new("四、投入力量", string.Join("\n", forces), false),
            new("五、下一步工作", c.NextSteps, false),
            new("报送人", report.FiledBy, true),
        ];
    }

    /// <summary>The report as plain text, one line per inline field and a heading line before each part.</summary>
    public static string Render(IncidentReport report, ReportsOptions options)
    {
        var text = new StringBuilder();
        foreach (var section in Sections(report, options))
        {
            if (section.Inline)
            {
                text.Append(section.Heading).Append('：').Append(section.Body).Append('\n');
            }
            else
            {
                text.Append(section.Heading).Append('\n').Append(section.Body).Append('\n');
            }
        }

        return text.ToString();
    }
}
