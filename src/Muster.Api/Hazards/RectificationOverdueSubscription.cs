using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Subscriptions;
using Muster.Hazards;

namespace Muster.Api.Hazards;

public static class RectificationOverdueSubscription
{
    public static void AddTo(ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<HiddenDangerType>>("rectificationOverdue")
            .Description("Each hidden danger as the overdue job records that its rectification deadline passed unrectified (once per danger), on any instance: "
                + "the duty desk's alarm. A township hears of its own jurisdictions' only.")
            .Argument<DangerSeverityType>("severity", "Only dangers of this severity.")
            .ResolveStream(context =>
            {
                var severity = context.GetArgument<DangerSeverity?>("severity");
                // After it went overdue a danger's stream takes one more event only, its rectification, which leaves OVERDUE.
                return ChangeSubscription.Of<HiddenDanger>(context, HiddenDangerType.TypeName, danger =>
                    danger.Status == DangerStatus.Overdue && (severity is null || danger.Severity == severity));
            });
}
