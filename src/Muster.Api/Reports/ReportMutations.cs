using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Incidents;
using Muster.Infrastructure;
using Muster.Reports;
using Muster.Reports.Filing;

namespace Muster.Api.Reports;

/// <summary>Filing information reports: admin and commanders.</summary>
public static class ReportMutations
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<FileIncidentReportPayloadType>>("fileIncidentReport")
            .Description("Files a report on the incident as drafted from its timeline, with the casualties entered and the narrative as edited: one INITIAL first, FOLLOW_UPs while it is open, one FINAL once it is closed. Admin or commander.")
            .Argument<NonNullGraphType<FileIncidentReportInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.On(IncidentType.Existing, i => i.IncidentId,
                (FileIncidentReportHandler reports, Guid incidentId, FileIncidentReportInput input, CancellationToken ct) =>
                    reports.Handle(new FileIncidentReport(incidentId, input.Kind, input.Casualties, input.Summary, input.Measures, input.NextSteps), ct)));
}

public sealed record FileIncidentReportInput(
    string IncidentId, ReportKind Kind, Casualties? Casualties, string? Summary, string? Measures, string? NextSteps);

public sealed class FileIncidentReportInputType : InputObjectGraphType<FileIncidentReportInput>
{
    public FileIncidentReportInputType()
    {
        Name = "FileIncidentReportInput";
        Field<NonNullGraphType<IdGraphType>>("incidentId");
        Field<NonNullGraphType<ReportKindType>>("kind");
        Field<CasualtiesInputType>("casualties").Description("Deaths, injured, missing, trapped; omitted: as the last report said (or 正在核实).");
        Field<StringGraphType>("summary").Description("事件概况 as edited; omitted: the draft's.");
        Field<StringGraphType>("measures").Description("已采取措施 as edited; omitted: the draft's.");
        Field<StringGraphType>("nextSteps").Description("下一步工作 as edited; omitted: the draft's.");
    }
}

public sealed class FileIncidentReportPayloadType() : PayloadType<IncidentReportType>("FileIncidentReportPayload", "report", "The report filed, or why not.");
