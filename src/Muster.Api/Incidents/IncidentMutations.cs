using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Scalars;
using Muster.Incidents;
using Muster.Incidents.Closing;
using Muster.Incidents.Grading;
using Muster.Incidents.Reporting;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Api.Incidents;

/// <summary>Reporting and grading incidents: admin and commanders.</summary>
public static class IncidentMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<IncidentPayloadType.Report>>("reportIncident")
            .Description("Reports an incident at a response level. Admin or commander.")
            .Argument<NonNullGraphType<ReportIncidentInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.Run((ReportIncidentHandler incidents, ReportIncidentInput input, CancellationToken ct) =>
                incidents.Handle(new ReportIncident(input.Kind, input.Level, input.Location, input.Title, input.Description), ct)));

        mutation.Field<NonNullGraphType<IncidentPayloadType.ChangeLevel>>("changeIncidentLevel")
            .Description("Escalates or de-escalates an open incident, with a reason. Admin or commander.")
            .Argument<NonNullGraphType<ChangeIncidentLevelInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.On(IncidentType.Existing, i => i.IncidentId,
                (ChangeIncidentLevelHandler incidents, Guid incidentId, ChangeIncidentLevelInput input, CancellationToken ct) =>
                    incidents.Handle(new ChangeIncidentLevel(incidentId, input.Level, input.Reason), ct)));

        mutation.Field<NonNullGraphType<IncidentPayloadType.Close>>("closeIncident")
            .Description("Closes an incident: its units return, engaged experts are free again, unshipped supply requests are cancelled and what they held released. Admin or commander.")
            .Argument<NonNullGraphType<CloseIncidentInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.On(IncidentType.Existing, i => i.IncidentId,
                (CloseIncidentHandler incidents, Guid incidentId, CloseIncidentInput input, CancellationToken ct) =>
                    incidents.Handle(new CloseIncident(incidentId, input.Reason), ct)));
    }
}

public sealed record ReportIncidentInput(IncidentKind Kind, ResponseLevel Level, GeoPoint Location, string Title, string? Description);

public sealed class ReportIncidentInputType : InputObjectGraphType<ReportIncidentInput>
{
    public ReportIncidentInputType()
    {
        Name = "ReportIncidentInput";
        Field<NonNullGraphType<IncidentKindType>>("kind");
        Field<NonNullGraphType<ResponseLevelType>>("level");
        Field<NonNullGraphType<GeoPointInputType>>("location");
        Field<NonNullGraphType<StringGraphType>>("title").Description("e.g. 某煤矿 3 号井瓦斯爆炸; 1 to 200 characters.");
        Field<StringGraphType>("description");
    }
}

public sealed record ChangeIncidentLevelInput(string IncidentId, ResponseLevel Level, string Reason);

public sealed class ChangeIncidentLevelInputType : InputObjectGraphType<ChangeIncidentLevelInput>
{
    public ChangeIncidentLevelInputType()
    {
        Name = "ChangeIncidentLevelInput";
        Field<NonNullGraphType<IdGraphType>>("incidentId");
        Field<NonNullGraphType<ResponseLevelType>>("level");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}

public sealed record CloseIncidentInput(string IncidentId, string Reason);

public sealed class CloseIncidentInputType : InputObjectGraphType<CloseIncidentInput>
{
    public CloseIncidentInputType()
    {
        Name = "CloseIncidentInput";
        Field<NonNullGraphType<IdGraphType>>("incidentId");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}

public static class IncidentPayloadType
{
    public sealed class Close() : PayloadType<IncidentType>("CloseIncidentPayload", "incident", "The closed incident, or why it stays open.");

    public sealed class Report() : PayloadType<IncidentType>("ReportIncidentPayload", "incident", "The incident reported, or why not.");

    public sealed class ChangeLevel() : PayloadType<IncidentType>("ChangeIncidentLevelPayload", "incident", "The incident at its new level, or why not.");
}
