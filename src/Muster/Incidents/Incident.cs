using JasperFx.Events;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Incidents;

/// <summary>
/// An incident as the command centre sees it: what, how severe, where, and what has been sent to it. Proposals and
/// their approval are events of the incident, so its history says who asked for what and who decided.
/// </summary>
public sealed record Incident(
    Guid Id,
    IncidentKind Kind,
    ResponseLevel Level,
    string Title,
    string? Description,
    GeoPoint Location,
    IncidentStatus Status,
    string ReportedBy,
    DateTimeOffset ReportedAt,
    Guid? LatestProposalId,
    IReadOnlyList<Guid> AssignedUnitIds,
    IReadOnlyList<Guid> EngagedExpertIds,
    IReadOnlyList<Guid> SupplyRequestIds,
    DateTimeOffset? ClosedAt,
    string? ClosedReason,
    DateTimeOffset UpdatedAt) : IAggregate<Incident>
{
    public static Incident? After(Incident? incident, IEvent e) => (incident, e.Data) switch
    {
        (_, IncidentReported reported) => IncidentEvolution.Create(reported, e.Timestamp),
        (Incident current, var data) => IncidentEvolution.Evolve(current, data, e.Timestamp),
        _ => null,
    };
}

public enum IncidentStatus
{
    /// <summary>Reported, nothing dispatched yet.</summary>
    Reported,

    /// <summary>A dispatch was approved: units, supplies or experts are on their way or on scene.</summary>
    Responding,

    Closed,
}

/// <summary>How an incident follows from its events; pure.</summary>
public static class IncidentEvolution
{
    public static Incident Create(IncidentReported e, DateTimeOffset at) =>
        new(e.IncidentId, e.Kind, e.Level, e.Title, e.Description, e.Location, IncidentStatus.Reported, e.ReportedBy, at,
            null, [], [], [], null, null, at);

    public static Incident Evolve(Incident incident, object @event, DateTimeOffset at) => @event switch
    {
        IncidentLevelChanged e => incident with { Level = e.To, UpdatedAt = at },
        Dispatch.DispatchProposed e => incident with { LatestProposalId = e.Proposal.Id, UpdatedAt = at },
        Dispatch.DispatchApproved e => incident with
        {
            Status = IncidentStatus.Responding,
            AssignedUnitIds = [.. incident.AssignedUnitIds, .. e.UnitIds],
            EngagedExpertIds = [.. incident.EngagedExpertIds, .. e.ExpertIds],
            SupplyRequestIds = e.SupplyRequestId is { } request ? [.. incident.SupplyRequestIds, request] : incident.SupplyRequestIds,
            UpdatedAt = at,
        },
        IncidentClosed e => incident with
        {
            Status = IncidentStatus.Closed, ClosedAt = at, ClosedReason = e.Reason, AssignedUnitIds = [], EngagedExpertIds = [], UpdatedAt = at,
        },
        _ => incident,
    };
}
