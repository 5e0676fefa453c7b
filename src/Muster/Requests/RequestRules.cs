using Muster.Infrastructure;
using Muster.Supplies;

namespace Muster.Requests;

/// <summary>Who may do what with a request, and what every change checks first.</summary>
public static class RequestRules
{
    public const int MaxLines = 50;
    public const int MaxTextLength = StockRules.MaxTextLength;
    public const int MaxNameLength = 100;

    /// <summary>
    /// Who may see a request: the bureau's roles all; a partner its own agency's only. A request made without an
    /// agency (by bureau staff) is the bureau's.
    /// </summary>
    public static bool MaySee(Actor viewer, SupplyRequest request) =>
        viewer.Role != Role.Partner || (viewer.AgencyId is { } own && request.AgencyId == own);

    /// <summary>Logistics staff (and admin) approve, reject, allocate and ship.</summary>
    public static DomainError? MayManage(Actor actor) =>
        actor.IsIn(Role.Admin, Role.Logistics)
            ? null
            : new DomainError(ErrorCodes.Forbidden, "only logistics staff approve, reject, allocate and ship supply requests", "requestId");

    /// <summary>
    /// The request exists and the actor may act on it as its requester or as logistics: admin, logistics, or a partner
    /// of the requesting agency. A request the actor may not see is NOT_FOUND.
    /// </summary>
    public static DomainError? MayActOn(SupplyRequest? request, Actor actor)
    {
        if (request is null || !MaySee(actor, request))
        {
            return NotFound;
        }

        return actor.IsIn(Role.Admin, Role.Logistics, Role.Partner)
            ? null
            : new DomainError(ErrorCodes.Forbidden, "a supply request is changed by logistics staff or its requesting agency", "requestId");
    }

    public static DomainError NotFound { get; } = DomainError.NotFound("no such supply request", "requestId");

    /// <summary>The request is in one of <paramref name="allowed"/>, or why the change does not fit.</summary>
    public static DomainError? InState(SupplyRequest request, string action, params SupplyRequestStatus[] allowed) =>
        allowed.Contains(request.Status)
            ? null
            : DomainError.InvalidState(
                $"a {Name(request.Status)} request cannot be {action}; only a {string.Join(" or ", allowed.Select(Name))} one", "requestId");

    public static string Name(SupplyRequestStatus status) => status switch
    {
        SupplyRequestStatus.PartiallyAllocated => "PARTIALLY_ALLOCATED",
        SupplyRequestStatus.InTransit => "IN_TRANSIT",
        _ => status.ToString().ToUpperInvariant(),
    };
}
