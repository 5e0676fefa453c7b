using GraphQL;
using GraphQL.Types;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Depots.Closing;
using Muster.Depots.Pledging;
using Muster.Depots.Registering;
using Muster.Depots.Relocating;
using Muster.Depots.Withdrawing;
using Muster.Infrastructure;

namespace Muster.Api.Depots;

/// <summary>The depot register's mutations: admin, logistics, or a partner for its own agency's depots.</summary>
public static class DepotMutations
{
    private const string Who = " Admin, logistics, or a partner for its own agency's depots.";

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DepotPayloadType.Register>>("registerDepot")
            .Description("Registers a depot, private to its agency or pledged to the shared pool. Admin, logistics, or a partner for its own agency.")
            .Argument<NonNullGraphType<RegisterDepotInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.Run((RegisterDepotHandler depots, RegisterDepotInput input, CancellationToken ct) => depots.Handle(
                new RegisterDepot(input.Name, input.Address, input.Location, GlobalId.Of(GlobalId.Agency, input.AgencyId) ?? Guid.Empty, input.Shared), ct)));

        mutation.Field<NonNullGraphType<DepotPayloadType.Relocate>>("relocateDepot")
            .Description("Moves a depot to a new site; the address given replaces the old one." + Who)
            .Argument<NonNullGraphType<RelocateDepotInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.On(DepotType.Existing, i => i.DepotId,
                (RelocateDepotHandler depots, Guid depotId, RelocateDepotInput input, CancellationToken ct) =>
                    depots.Handle(new RelocateDepot(depotId, input.Location, input.Address), ct)));

        mutation.Field<NonNullGraphType<DepotPayloadType.Pledge>>("pledgeDepot")
            .Description("Pledges a depot to the city's shared pool (物资共用): partners of every agency may then see it." + Who)
            .Argument<NonNullGraphType<DepotIdInputType.Pledge>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.On(DepotType.Existing, i => i.DepotId,
                (PledgeDepotHandler depots, Guid depotId, DepotIdInput _, CancellationToken ct) => depots.Handle(new PledgeDepot(depotId), ct)));

        mutation.Field<NonNullGraphType<DepotPayloadType.Withdraw>>("withdrawDepot")
            .Description("Takes a depot back out of the shared pool: private to its agency again." + Who)
            .Argument<NonNullGraphType<DepotIdInputType.Withdraw>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.On(DepotType.Existing, i => i.DepotId,
                (WithdrawDepotHandler depots, Guid depotId, DepotIdInput _, CancellationToken ct) => depots.Handle(new WithdrawDepot(depotId), ct)));

        mutation.Field<NonNullGraphType<DepotPayloadType.Close>>("closeDepot")
            .Description("Closes an empty depot for good; a closed depot refuses every further change." + Who)
            .Argument<NonNullGraphType<CloseDepotInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.On(DepotType.Existing, i => i.DepotId,
                (CloseDepotHandler depots, Guid depotId, CloseDepotInput input, CancellationToken ct) => depots.Handle(new CloseDepot(depotId, input.Reason), ct)));
    }
}

public static class DepotPayloadType
{
    public sealed class Register() : PayloadType<DepotType>("RegisterDepotPayload", "depot", "The registered depot, or why nothing was registered.");

    public sealed class Relocate() : PayloadType<DepotType>("RelocateDepotPayload", "depot", "The depot at its new site, or why it did not move.");

    public sealed class Pledge() : PayloadType<DepotType>("PledgeDepotPayload", "depot", "The depot in the shared pool, or why it was not pledged.");

    public sealed class Withdraw() : PayloadType<DepotType>("WithdrawDepotPayload", "depot", "The depot back in private hands, or why it was not withdrawn.");

    public sealed class Close() : PayloadType<DepotType>("CloseDepotPayload", "depot", "The closed depot, or why it stays open.");
}
