using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Loading;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Incidents;
using Muster.Incidents;
using Muster.Reports;
using Muster.Reports.Deadlines;
using Muster.Reports.Rendering;

namespace Muster.Api.Reports;

public sealed class ReportKindType : EnumerationGraphType<ReportKind>
{
    public ReportKindType()
    {
        Name = "ReportKind";
        Description = "Stages of an incident's information reports: INITIAL 首报 (one, first), FOLLOW_UP 续报 (while open), FINAL 终报 (one, after closing; nothing after it).";
    }
}

public sealed class CasualtiesType : ObjectGraphType<Casualties>
{
    public CasualtiesType()
    {
        Name = "Casualties";
        Description = "Casualties as the officer entered them in a report.";
        Field(c => c.Deaths);
        Field(c => c.Injured);
        Field(c => c.Missing);
        Field(c => c.Trapped);
    }
}

public sealed class CasualtiesInputType : InputObjectGraphType<Casualties>
{
    public CasualtiesInputType()
    {
        Name = "CasualtiesInput";
        Description = "Numbers of people, each 0 or more.";
        Field<NonNullGraphType<IntGraphType>>("deaths");
        Field<NonNullGraphType<IntGraphType>>("injured");
        Field<NonNullGraphType<IntGraphType>>("missing");
        Field<NonNullGraphType<IntGraphType>>("trapped");
    }
}

/// <summary>The fields a filed report and a draft share.</summary>
internal static class ReportFields
{
    public static void Add<T>(ObjectGraphType<T> type, Func<T, IncidentReport> report)
    {
        type.Field<NonNullGraphType<ReportKindType>>("kind").Resolve(c => report(c.Source).Kind);
        type.Field<NonNullGraphType<IntGraphType>>("number").Description("Its place among the incident's reports; 1 is the initial report.").Resolve(c => report(c.Source).Number);
        type.Field<NonNullGraphType<StringGraphType>>("stage").Description("首报, 续报（第n次）or 终报.").Resolve(c => ReportWords.Stage(report(c.Source).Kind, report(c.Source).Number));
        type.Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => report(c.Source).Content.Title);
        type.Field<NonNullGraphType<IncidentType>>("incident").Resolve(c =>
            DocumentLoader.For<Incident>(c.RequestServices!, i => i.Id).Load(report(c.Source).IncidentId));
        type.Field<NonNullGraphType<ResponseLevelType>>("level").Description("The incident's level when the report was drafted.").Resolve(c => report(c.Source).Content.Level);
        type.Field<StringGraphType>("jurisdictionName").Description("The jurisdiction the incident lies in, from the supervision network; null outside it.").Resolve(c => report(c.Source).Content.JurisdictionName);
        type.Field<CasualtiesType>("casualties").Description("Null until entered (伤亡情况正在核实).").Resolve(c => report(c.Source).Content.Casualties);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("units").Description("Units sent, with kind and crew.").Resolve(c => report(c.Source).Content.Units);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("experts").Resolve(c => report(c.Source).Content.Experts);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("supplies").Description("Supplies requested for the incident and how far they got.").Resolve(c => report(c.Source).Content.Supplies);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("shortages").Description("What is still short: unmet units and experts of approved proposals, unallocated supplies.").Resolve(c => report(c.Source).Content.Shortages);
        type.Field<NonNullGraphType<StringGraphType>>("summary").Description("事件概况.").Resolve(c => report(c.Source).Content.Summary);
        type.Field<NonNullGraphType<StringGraphType>>("measures").Description("已采取措施, one numbered line per step of the timeline.").Resolve(c => report(c.Source).Content.Measures);
        type.Field<NonNullGraphType<StringGraphType>>("nextSteps").Description("下一步工作.").Resolve(c => report(c.Source).Content.NextSteps);
        type.Field<NonNullGraphType<StringGraphType>>("text").Description("The report as plain text in the order of the bureau's form, to paste into it.")
            .Resolve(c => ReportText.Render(report(c.Source), c.RequestServices!.GetRequiredService<ReportsOptions>()));
    }
}

public sealed class IncidentReportType : ObjectGraphType<IncidentReport>
{
    public const string TypeName = "IncidentReport";

    public IncidentReportType()
    {
        Name = TypeName;
        Description = "A filed information report (信息报告) on an incident. Admin, commanders and logistics.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is IncidentReport;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        ReportFields.Add(this, r => r);
        Field<NonNullGraphType<StringGraphType>>("filedBy").Description("The subject of the token that filed it.").Resolve(c => c.Source.FiledBy);
        Field<NonNullGraphType<DateTimeScalar>>("filedAt").Resolve(c => c.Source.FiledAt);
        Field<NonNullGraphType<StringGraphType>>("pdfUrl").Description("Where the PDF is served (same bearer token).")
            .Resolve(c => ReportsGraph.PdfPath(c.Source.Id));
    }
}

/// <summary>A report as it would be filed now, drafted from the incident's timeline.</summary>
public sealed record ReportDraft(IncidentReport Report, IReadOnlyList<ReportDue> Due);

public sealed class IncidentReportDraftType : ObjectGraphType<ReportDraft>
{
    public IncidentReportDraftType()
    {
        Name = "IncidentReportDraft";
        Description = "The report Muster drafts from the incident's timeline; edit summary, measures and nextSteps, enter casualties, and file it.";
        ReportFields.Add(this, d => d.Report);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportDueType>>>>("due").Description("What the incident owes and by when.").Resolve(c => c.Source.Due);
    }
}

public sealed class ReportDueType : ObjectGraphType<ReportDue>
{
    public ReportDueType()
    {
        Name = "ReportDue";
        Description = "A report an incident owes: its kind and deadline (for the initial report also the phone deadline), whether it is late and when the duty desk was told.";
        Field<NonNullGraphType<IncidentType>>("incident").Resolve(c => DocumentLoader.For<Incident>(c.RequestServices!, i => i.Id).Load(c.Source.IncidentId));
        Field<NonNullGraphType<ReportKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ResponseLevelType>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<DateTimeScalar>>("dueAt").Description("The written report's deadline.").Resolve(c => c.Source.DueAt);
        Field<DateTimeScalar>("dueByPhoneAt").Description("For the initial report: by when the superior must have been called.").Resolve(c => c.Source.ByPhoneAt);
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Resolve(c => c.Source.IsOverdue(c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow()));
        Field<DateTimeScalar>("flaggedAt").Description("When the duty desk was told it is late; null before.").Resolve(c => c.Source.FlaggedAt);
    }
}
