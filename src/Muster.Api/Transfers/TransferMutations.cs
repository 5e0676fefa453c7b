using GraphQL;
using GraphQL.Types;
using Muster.Api.Depots;
using Muster.Api.GraphQL;
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
            .ResolveAsync(Mutation.On(DepotType.Existing, i => i.FromDepotId,
                (TransferStockHandler transfers, Guid from, TransferStockInput input, CancellationToken ct) =>
                    GlobalId.Of(DepotType.TypeName, input.ToDepotId) is { } to
                        ? transfers.Handle(new TransferStock(from, to, input.ItemCode, input.Quantity, input.Note), ct)
                        : Task.FromResult<Result<Transfer>>(DomainError.NotFound("no such depot", "toDepotId"))));

        mutation.Field<NonNullGraphType<TransferPayloadType.Ship>>("shipTransfer")
            .Description("Ships a RESERVED transfer: issues it at the source, first-expiring lots first; the destination counts it in transit. Admin, logistics, or a partner keeping the source.")
            .Argument<NonNullGraphType<ShipTransferInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.On(TransferType.Existing, i => i.TransferId,
                (ShipTransferHandler transfers, Guid transferId, ShipTransferInput input, CancellationToken ct) =>
                    transfers.Handle(new ShipTransfer(transferId, input.Vehicle, input.Driver), ct)));

        mutation.Field<NonNullGraphType<TransferPayloadType.Receive>>("receiveTransfer")
            .Description("Receives an IN_TRANSIT transfer: its lots go onto the destination's shelf with their expiry. Admin, logistics, or a partner keeping the destination.")
            .Argument<NonNullGraphType<ReceiveTransferInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.On(TransferType.Existing, i => i.TransferId,
                (ReceiveTransferHandler transfers, Guid transferId, ReceiveTransferInput _, CancellationToken ct) =>
                    transfers.Handle(new ReceiveTransfer(transferId), ct)));

        mutation.Field<NonNullGraphType<TransferPayloadType.Cancel>>("cancelTransfer")
            .Description("Cancels a RESERVED transfer and releases its reservation; a shipped transfer can only be received. Admin, logistics, or a partner keeping the source.")
            .Argument<NonNullGraphType<CancelTransferInputType>>("input")
            .AuthorizeWithRoles(Roles.Admin, Roles.Logistics, Roles.Partner)
            .ResolveAsync(Mutation.On(TransferType.Existing, i => i.TransferId,
                (CancelTransferHandler transfers, Guid transferId, CancelTransferInput input, CancellationToken ct) =>
                    transfers.Handle(new CancelTransfer(transferId, input.Reason), ct)));
    }
}

public static class TransferPayloadType
{
    public sealed class Start() : PayloadType<TransferType>("TransferStockPayload", "transfer", "The transfer, reserved at the source, or why nothing was reserved.");

    public sealed class Ship() : PayloadType<TransferType>("ShipTransferPayload", "transfer", "The transfer in transit, or why it did not ship.");

    public sealed class Receive() : PayloadType<TransferType>("ReceiveTransferPayload", "transfer", "The received transfer, or why nothing was received.");

    public sealed class Cancel() : PayloadType<TransferType>("CancelTransferPayload", "transfer", "The cancelled transfer, or why it stands.");
}
