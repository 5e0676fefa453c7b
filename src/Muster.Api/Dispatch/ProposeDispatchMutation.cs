using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
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
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                if (IncidentMutations.IncidentId(input) is not { } incidentId)
                {
                    return Payload.NotFound("incident", "incidentId");
                }

                var excluding = Exclusions.Read(input);
                if (!excluding.Succeeded)
                {
                    return new Payload(null, excluding.Errors);
                }

                var command = new ProposeDispatch(incidentId, input.GetValueOrDefault("requirements") as Requirements, excluding.Value!);
                return Payload.From(await context.RequestServices!.GetRequiredService<ProposeDispatchHandler>().Handle(command, context.CancellationToken));
            });
}

public sealed class ProposeDispatchInputType : InputObjectGraphType
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

public static class DispatchGraph
{
    /// <summary>Proposals by id: admin and commanders (the type says so; node/nodes check it).</summary>
    public static IServiceCollection AddDispatchGraph(this IServiceCollection services) =>
        services.AddSingleton<INodeSource>(new DocumentNodeSource<DispatchProposal>(DispatchProposalType.TypeName, p => p.Id));
}
