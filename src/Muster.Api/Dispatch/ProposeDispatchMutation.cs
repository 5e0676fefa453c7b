using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Scalars;
using Muster.Api.Incidents;
using Muster.Api.Plans;
using Muster.Dispatch;
using Muster.Dispatch.Proposing;
using Muster.Infrastructure;
using Muster.Plans;

namespace Muster.Api.Dispatch;

public static class ProposeDispatchMutation
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ProposeDispatchPayloadType>>("proposeDispatch")
            .Description("Proposes units, supplies and experts for an incident, nearest capable first, from its plan or from the requirements given. Admin or commander.")
            .Argument<NonNullGraphType<ProposeDispatchInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Commander)
            .ResolveAsync(Mutation.On(IncidentType.Existing, i => i.IncidentId,
                async (ProposeDispatchHandler dispatch, Guid incidentId, ProposeDispatchInput input, CancellationToken ct) =>
                {
                    var excluding = Exclusions.Read(input.Excluding);
                    return excluding.Succeeded
                        ? await dispatch.Handle(new ProposeDispatch(incidentId, input.Requirements, excluding.Value), ct)
                        : Result<DispatchProposal>.Fail(excluding.Errors);
                }));
}

public sealed record ProposeDispatchInput(string IncidentId, Requirements? Requirements, IReadOnlyList<string>? Excluding);

public sealed class ProposeDispatchInputType : InputObjectGraphType<ProposeDispatchInput>
{
    public ProposeDispatchInputType()
    {
        Name = "ProposeDispatchInput";
        Field<NonNullGraphType<IdGraphType>>("incidentId");
        Field<RequirementsInputType>("requirements").Description("What to cover instead of the incident's plan; without it the plan for the incident's kind and level is followed.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("excluding").Description("Units, experts or depots not to propose (the commander left them out of an earlier proposal).");
    }
}

public sealed class ProposeDispatchPayloadType() : PayloadType<DispatchProposalType>("ProposeDispatchPayload", "proposal", "The proposal, or why none could be made.");
