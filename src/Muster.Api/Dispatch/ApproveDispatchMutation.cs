using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Incidents;
using Muster.Dispatch.Approving;
using Muster.Infrastructure;

namespace Muster.Api.Dispatch;

public static class ApproveDispatchMutation
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ApproveDispatchPayloadType>>("approveDispatch")
            .Description("Approves a proposal all or nothing: units assigned, experts engaged, supplies reserved as a supply request of the incident. CONFLICT, naming what changed, if anything was taken meanwhile. Admin or commander.")
            .Argument<NonNullGraphType<ApproveDispatchInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                if (GlobalId.Of(DispatchProposalType.TypeName, (string)input["proposalId"]!) is not { } proposalId)
                {
                    return Payload.NotFound("proposal", "proposalId");
                }

                var excluding = Exclusions.Read(input);
                if (!excluding.Succeeded)
                {
                    return new Payload(null, excluding.Errors);
                }

                var command = new ApproveDispatch(proposalId, excluding.Value!);
                return Payload.From(await context.RequestServices!.GetRequiredService<ApproveDispatchHandler>().Handle(command, context.CancellationToken));
            });
}

public sealed class ApproveDispatchInputType : InputObjectGraphType
{
    public ApproveDispatchInputType()
    {
        Name = "ApproveDispatchInput";
        Field<NonNullGraphType<IdGraphType>>("proposalId");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("excluding").Description("Units, experts or depots of the proposal to leave out (the commander's override).");
    }
}

public sealed class ApproveDispatchPayloadType() : PayloadType<IncidentType>("ApproveDispatchPayload", "incident", "The incident now responding, or why nothing was dispatched.");
