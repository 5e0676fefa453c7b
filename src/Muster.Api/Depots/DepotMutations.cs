using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Depots;
using Muster.Depots.Closing;
using Muster.Depots.Pledging;
using Muster.Depots.Registering;
using Muster.Depots.Relocating;
using Muster.Depots.Withdrawing;
using Muster.Infrastructure;
using Muster.Spatial;

namespace Muster.Api.Depots;

/// <summary>The depot register's mutations: admin, logistics, or a partner for its own agency's depots.</summary>
public static class DepotMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DepotPayloadType.Register>>("registerDepot")
            .Description("Registers a depot, private to its agency or pledged to the shared pool. Admin, logistics, or a partner for its own agency.")
            .Argument<NonNullGraphType<RegisterDepotInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var input = Input(context);
                var command = new RegisterDepot((string)input["name"]!, input.GetValueOrDefault("address") as string,
                    (GeoPoint)input["location"]!, GlobalId.Of(GlobalId.Agency, (string)input["agencyId"]!) ?? Guid.Empty, (bool)input["shared"]!);
                return Payload.From(await Handler<RegisterDepotHandler>(context).Handle(command, context.CancellationToken));
            });

        Change<RelocateDepotInputType, DepotPayloadType.Relocate>(mutation, "relocateDepot",
            "Moves a depot to a new site; the address given replaces the old one.",
            (context, id, input) => Handler<RelocateDepotHandler>(context).Handle(
                new RelocateDepot(id, (GeoPoint)input["location"]!, input.GetValueOrDefault("address") as string), context.CancellationToken));

        Change<DepotIdInputType.Pledge, DepotPayloadType.Pledge>(mutation, "pledgeDepot",
            "Pledges a depot to the city's shared pool (物资共用): partners of every agency may then see it.",
            (context, id, _) => Handler<PledgeDepotHandler>(context).Handle(new PledgeDepot(id), context.CancellationToken));

        Change<DepotIdInputType.Withdraw, DepotPayloadType.Withdraw>(mutation, "withdrawDepot",
            "Takes a depot back out of the shared pool: private to its agency again.",
            (context, id, _) => Handler<WithdrawDepotHandler>(context).Handle(new WithdrawDepot(id), context.CancellationToken));

        Change<CloseDepotInputType, DepotPayloadType.Close>(mutation, "closeDepot",
            "Closes an empty depot for good; a closed depot refuses every further change.",
            (context, id, input) => Handler<CloseDepotHandler>(context).Handle(new CloseDepot(id, (string)input["reason"]!), context.CancellationToken));
    }

    /// <summary>A mutation on an existing depot: its input carries <c>depotId</c>; an id that is not a depot's is NOT_FOUND.</summary>
    private static void Change<TInput, TPayload>(ObjectGraphType mutation, string name, string description,
        Func<IResolveFieldContext, Guid, Dictionary<string, object?>, Task<Result<Depot>>> handle)
        where TInput : IInputObjectGraphType
        where TPayload : IGraphType =>
        mutation.Field<NonNullGraphType<TPayload>>(name)
            .Description(description + " Admin, logistics, or a partner for its own agency's depots.")
            .Argument<NonNullGraphType<TInput>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var input = Input(context);
                return GlobalId.Of(DepotType.TypeName, (string)input["depotId"]!) is { } id
                    ? Payload.From(await handle(context, id, input))
                    : Payload.NotFound("depot", "depotId");
            });

    private static Dictionary<string, object?> Input(IResolveFieldContext context) => context.GetArgument<Dictionary<string, object?>>("input");

    private static T Handler<T>(IResolveFieldContext context)
        where T : notnull => context.RequestServices!.GetRequiredService<T>();
}

public static class DepotPayloadType
{
    public sealed class Register() : PayloadType<DepotType>("RegisterDepotPayload", "depot", "The registered depot, or why nothing was registered.");

    public sealed class Relocate() : PayloadType<DepotType>("RelocateDepotPayload", "depot", "The depot at its new site, or why it did not move.");

    public sealed class Pledge() : PayloadType<DepotType>("PledgeDepotPayload", "depot", "The depot in the shared pool, or why it was not pledged.");

    public sealed class Withdraw() : PayloadType<DepotType>("WithdrawDepotPayload", "depot", "The depot back in private hands, or why it was not withdrawn.");

    public sealed class Close() : PayloadType<DepotType>("CloseDepotPayload", "depot", "The closed depot, or why it stays open.");
}
