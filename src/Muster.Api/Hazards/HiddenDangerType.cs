using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Hazards;

namespace Muster.Api.Hazards;

public sealed class InspectionType : ObjectGraphType<Inspection>
{
    public const string TypeName = "Inspection";

    public static readonly Existing Existing = new(TypeName, "inspection");

    public InspectionType()
    {
        Name = TypeName;
        Description = "An inspection of a hazard site (检查): when, by whom, what was found.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Inspection;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<HazardSiteType>("site").ResolveAsync(async c => await HazardNodes.SiteAsync(c, c.Source.SiteId));
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("inspector").Resolve(c => c.Source.Inspector);
        Field<NonNullGraphType<StringGraphType>>("findings").Resolve(c => c.Source.Findings);
        Field<NonNullGraphType<DateTimeScalar>>("recordedAt").Resolve(c => c.Source.RecordedAt);
    }
}

public sealed class HiddenDangerType : ObjectGraphType<HiddenDanger>
{
    public const string TypeName = "HiddenDanger";

    public static readonly Existing Existing = new(TypeName, "hidden danger");

    public HiddenDangerType()
    {
        Name = TypeName;
        Description = "A hidden danger (隐患) found at a hazard site and its rectification (整改).";
        Interface<NodeInterface>();
        IsTypeOf = value => value is HiddenDanger;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<HazardSiteType>("site").ResolveAsync(async c => await HazardNodes.SiteAsync(c, c.Source.SiteId));
        Field<IdGraphType>("inspectionId").Description("The inspection that found it, if one did.")
            .Resolve(c => c.Source.InspectionId is { } id ? GlobalId.Encode(InspectionType.TypeName, id) : null);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<DangerSeverityType>>("severity").Resolve(c => c.Source.Severity);
        Field<NonNullGraphType<DateTimeScalar>>("deadline").Description("The rectification deadline (整改期限).").Resolve(c => c.Source.Deadline);
        Field<NonNullGraphType<DangerStatusType>>("status")
            .Description("As of now: a danger past its deadline and not rectified is OVERDUE, even in the minute before the overdue job records it.")
            .Resolve(c => c.Source.StatusAt(c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow()));
        Field<NonNullGraphType<StringGraphType>>("responsiblePerson").Description("Who must rectify it (整改责任人).").Resolve(c => c.Source.ResponsiblePerson);
        Field<StringGraphType>("evidenceNotes").Description("Notes on the evidence of the danger (photos taken, measurements).").Resolve(c => c.Source.EvidenceNotes);
        Field<NonNullGraphType<DateTimeScalar>>("reportedAt").Resolve(c => c.Source.ReportedAt);
        Field<DateTimeScalar>("wentOverdueAt").Description("When the overdue job recorded that the deadline passed.").Resolve(c => c.Source.WentOverdueAt);
        Field<DateTimeScalar>("rectifiedAt").Resolve(c => c.Source.RectifiedAt);
        Field<StringGraphType>("rectificationEvidence").Resolve(c => c.Source.RectificationEvidence);
        Field<BooleanGraphType>("rectifiedOnTime").Description("True when rectified by the deadline, false when late, null while not rectified.")
            .Resolve(c => c.Source.RectifiedOnTime);
    }
}
