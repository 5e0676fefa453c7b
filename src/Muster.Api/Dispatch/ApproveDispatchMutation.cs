using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Incidents;
using Muster.Dispatch.Approving;
using Muster.Incidents;
using Muster.Infrastructure;

namespace Muster.Api.Dispatch;

public static class ApproveDispatchMutation
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ApproveDispatchPayloadType>>("approveDispatch")
            .Description("Approves a proposal all or nothing: units assigned, experts engaged, supplies reserved as a supply request of the incident. CONFLICT, naming what changed, if anything was taken meanwhile. Admin or commander.")
            .Argument<NonNullGraphType<ApproveDispatchInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.On(DispatchProposalType.Existing, i => i.ProposalId,
                async (ApproveDispatchHandler dispatch, Guid proposalId, ApproveDispatchInput input, CancellationToken ct) =>
                {
                    var excluding = Exclusions.Read(input.Excluding);
                    return excluding.Succeeded
                        ? await dispatch.Handle(new ApproveDispatch(proposalId, excluding.Value!), ct)
                        : Result<Incident>.Fail(excluding.Errors);
                }));
}

public sealed record ApproveDispatchInput(string ProposalId, IReadOnlyList<string>? Excluding);

public sealed class ApproveDispatchInputType : InputObjectGraphType<ApproveDispatchInput>
{
    public ApproveDispatchInputType()
    {
        Name = "ApproveDispatchInput";
        Field<NonNullGraphType<IdGraphType>>("proposalId");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("excluding").Description("Units, experts or depots of the proposal to leave out (the commander's override).");
    }
}

public sealed class ApproveDispatchPayloadType() : PayloadType<IncidentType>("ApproveDispatchPayload", "incident", "The incident now responding, or why nothing was dispatched.");
