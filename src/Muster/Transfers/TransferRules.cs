using Muster.Depots;
using Muster.Infrastructure;
using Muster.Supplies;

namespace Muster.Transfers;

/// <summary>What every step of a transfer checks first.</summary>
public static class TransferRules
{
    public const int MaxCarrierLength = 100;

    /// <summary>
    /// The transfer exists and the actor may see both its depots; otherwise NOT_FOUND, so a partner learns nothing of
    /// a transfer that touches another agency's private depot.
    /// </summary>
    public static DomainError? Visible(TransferForWriting transfer, Actor actor) =>
        transfer.Transfer is null || transfer.From is null || transfer.To is null
            || !DepotVisibility.MaySee(actor, transfer.From) || !DepotVisibility.MaySee(actor, transfer.To)
            ? DomainError.NotFound("no such transfer", "transferId")
            : null;

    /// <summary>The actor acts for the depot at this end: admin and logistics for any, a partner for its own agency's.</summary>
    public static DomainError? MayActAt(Depot depot, Actor actor, string step) =>
        DepotRules.MayAct(actor, depot.AgencyId)
            ? null
            : new DomainError(ErrorCodes.Forbidden, $"a partner {step} transfers at its own agency's depots only", "transferId");

    /// <summary>The step is allowed from the transfer's status, or INVALID_STATE saying what is.</summary>
    public static DomainError? InStatus(Transfer transfer, TransferStatus required, string step) =>
        transfer.Status == required
            ? null
            : DomainError.InvalidState($"the transfer is {Name(transfer.Status)}: only a {Name(required)} transfer can be {step}", "transferId");

    /// <summary>A trimmed vehicle plate or driver name, 1..<see cref="MaxCarrierLength"/> characters.</summary>
    public static Result<string> Carrier(string? text, string field)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length is 0 or > MaxCarrierLength
            ? DomainError.Validation($"{field} must have 1 to {MaxCarrierLength} characters", field)
            : trimmed;
    }

    /// <summary>The status as the API spells it.</summary>
    public static string Name(TransferStatus status) => status switch
    {
        TransferStatus.Reserved => "RESERVED",
        TransferStatus.InTransit => "IN_TRANSIT",
        TransferStatus.Received => "RECEIVED",
        _ => "CANCELLED",
    };
}
