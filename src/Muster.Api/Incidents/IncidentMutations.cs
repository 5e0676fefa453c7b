using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
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
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var command = new ReportIncident((IncidentKind)input["kind"]!, (ResponseLevel)input["level"]!, (GeoPoint)input["location"]!,
                    (string)input["title"]!, input.GetValueOrDefault("description") as string);
                return Payload.From(await context.RequestServices!.GetRequiredService<ReportIncidentHandler>().Handle(command, context.CancellationToken));
            });

        mutation.Field<NonNullGraphType<IncidentPayloadType.ChangeLevel>>("changeIncidentLevel")
            .Description("Escalates or de-escalates an open incident, with a reason. Admin or commander.")
            .Argument<NonNullGraphType<ChangeIncidentLevelInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                if (IncidentId(input) is not { } incidentId)
                {
                    return Payload.NotFound("incident", "incidentId");
                }

                var command = new ChangeIncidentLevel(incidentId, (ResponseLevel)input["level"]!, (string)input["reason"]!);
                return Payload.From(await context.RequestServices!.GetRequiredService<ChangeIncidentLevelHandler>().Handle(command, context.CancellationToken));
            });

        AddClose(mutation);
    }

    private static void AddClose(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IncidentPayloadType.Close>>("closeIncident")
            .Description("Closes an incident: its units return, engaged experts are free again, unshipped supply requests are cancelled and what they held released. Admin or commander.")
            .Argument<NonNullGraphType<CloseIncidentInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                if (IncidentId(input) is not { } incidentId)
                {
                    return Payload.NotFound("incident", "incidentId");
                }

                var command = new CloseIncident(incidentId, (string)input["reason"]!);
                return Payload.From(await context.RequestServices!.GetRequiredService<CloseIncidentHandler>().Handle(command, context.CancellationToken));
            });

    public static Guid? IncidentId(Dictionary<string, object?> input) => GlobalId.Of(IncidentType.TypeName, (string)input["incidentId"]!);
}

public sealed class ReportIncidentInputType : InputObjectGraphType
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

public sealed class ChangeIncidentLevelInputType : InputObjectGraphType
{
    public ChangeIncidentLevelInputType()
    {
        Name = "ChangeIncidentLevelInput";
        Field<NonNullGraphType<IdGraphType>>("incidentId");
        Field<NonNullGraphType<ResponseLevelType>>("level");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}

public sealed class CloseIncidentInputType : InputObjectGraphType
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
