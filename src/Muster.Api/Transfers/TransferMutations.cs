using GraphQL;
using GraphQL.Types;
using Muster.Api.Depots;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Scalars;
using Muster.Infrastructure;
using Muster.Transfers;
using Muster.Transfers.Cancelling;
using Muster.Transfers.Receiving;
using Muster.Transfers.Shipping;
using Muster.Transfers.Starting;

namespace Muster.Api.Transfers;

/// <summary>
/// Moving stock between depots: start (reserve at the source), ship, receive, or cancel before shipping. Admin,
/// logistics, or a partner at its own agency's depots (which may send into the shared pool).
/// </summary>
public static class TransferMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<TransferPayloadType.Start>>("transferStock")
            .Description("Starts a transfer: reserves the quantity at the source (RESERVED). Admin, logistics, or a partner from its own agency's depot to its own or a shared one.")
            .Argument<NonNullGraphType<TransferStockInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var input = Input(context);
                if (GlobalId.Of(DepotType.TypeName, (string)input["fromDepotId"]!) is not { } from)
                {
                    return Payload.NotFound("depot", "fromDepotId");
                }

                if (GlobalId.Of(DepotType.TypeName, (string)input["toDepotId"]!) is not { } to)
                {
                    return Payload.NotFound("depot", "toDepotId");
                }

                var command = new TransferStock(from, to, (string)input["itemCode"]!, (int)input["quantity"]!, input.GetValueOrDefault("note") as string);
                return Payload.From(await Handler<TransferStockHandler>(context).Handle(command, context.CancellationToken));
            });

        Step<ShipTransferInputType, TransferPayloadType.Ship>(mutation, "shipTransfer",
            "Ships a RESERVED transfer: issues it at the source, first-expiring lots first; the destination counts it in transit. Admin, logistics, or a partner keeping the source.",
            (context, id, input) => Handler<ShipTransferHandler>(context).Handle(
                new ShipTransfer(id, (string)input["vehicle"]!, (string)input["driver"]!), context.CancellationToken));

        Step<ReceiveTransferInputType, TransferPayloadType.Receive>(mutation, "receiveTransfer",
            "Receives an IN_TRANSIT transfer: its lots go onto the destination's shelf with their expiry. Admin, logistics, or a partner keeping the destination.",
            (context, id, _) => Handler<ReceiveTransferHandler>(context).Handle(new ReceiveTransfer(id), context.CancellationToken));

        Step<CancelTransferInputType, TransferPayloadType.Cancel>(mutation, "cancelTransfer",
            "Cancels a RESERVED transfer and releases its reservation; a shipped transfer can only be received. Admin, logistics, or a partner keeping the source.",
            (context, id, input) => Handler<CancelTransferHandler>(context).Handle(new CancelTransfer(id, (string)input["reason"]!), context.CancellationToken));
    }

    /// <summary>A step of an existing transfer: its input carries <c>transferId</c>; an id that is not a transfer's is NOT_FOUND.</summary>
    private static void Step<TInput, TPayload>(ObjectGraphType mutation, string name, string description,
        Func<IResolveFieldContext, Guid, Dictionary<string, object?>, Task<Result<Transfer>>> handle)
        where TInput : IInputObjectGraphType
        where TPayload : IGraphType =>
        mutation.Field<NonNullGraphType<TPayload>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var input = Input(context);
                return GlobalId.Of(TransferType.TypeName, (string)input["transferId"]!) is { } id
                    ? Payload.From(await handle(context, id, input))
                    : Payload.NotFound("transfer", "transferId");
            });

    private static Dictionary<string, object?> Input(IResolveFieldContext context) => context.GetArgument<Dictionary<string, object?>>("input");

    private static T Handler<T>(IResolveFieldContext context)
        where T : notnull => context.RequestServices!.GetRequiredService<T>();
}

public static class TransferPayloadType
{
    public sealed class Start() : PayloadType<TransferType>("TransferStockPayload", "transfer", "The transfer, reserved at the source, or why nothing was reserved.");

    public sealed class Ship() : PayloadType<TransferType>("ShipTransferPayload", "transfer", "The transfer in transit, or why it did not ship.");

    public sealed class Receive() : PayloadType<TransferType>("ReceiveTransferPayload", "transfer", "The received transfer, or why nothing was received.");

    public sealed class Cancel() : PayloadType<TransferType>("CancelTransferPayload", "transfer", "The cancelled transfer, or why it stands.");
}
