using JasperFx.Events;
using Muster.Infrastructure.Writing;
using Muster.Spatial;

namespace Muster.Webhooks;

/// <summary>
/// A partner system's standing request to be told of changes: where to POST, which kinds of change, and for
/// incidents the area it covers. Deliveries are signed with a secret kept outside the event store
/// (<see cref="WebhookTables.Secrets"/>), shown once at registration.
/// </summary>
public sealed record Webhook(
    Guid Id,
    Guid AgencyId,
    string Url,
    IReadOnlyList<WebhookKind> Kinds,
    Area? IncidentArea,
    string RegisteredBy,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? RemovedAt) : IAggregate<Webhook>
{
    public static Webhook? After(Webhook? webhook, IEvent e) => (webhook, e.Data) switch
    {
        (_, WebhookRegistered registered) => WebhookEvolution.Create(registered, e.Timestamp),
        (Webhook current, WebhookRemoved removed) => WebhookEvolution.Evolve(current, removed, e.Timestamp),
        _ => webhook,
    };

    public bool Removed => RemovedAt is not null;
}

/// <summary>
/// The changes a webhook may ask for. Until jurisdictions exist, "incidents in its jurisdiction" means incidents
/// inside the rectangle the agency gives when it registers.
/// </summary>
public enum WebhookKind
{
    /// <summary>Any change to one of the agency's own rescue units.</summary>
    Units,

    /// <summary>Any change to a supply request the agency made.</summary>
    Requests,

    /// <summary>Any change to an incident located inside the webhook's area.</summary>
    Incidents,
}

/// <summary>A rectangle in WGS84 degrees (west ≤ east; no crossing of the antimeridian).</summary>
public sealed record Area(double West, double South, double East, double North)
{
    public bool Contains(GeoPoint point) =>
        point.Lat >= South && point.Lat <= North && point.Lon >= West && point.Lon <= East;
}

/// <summary>How a webhook follows from its events; pure.</summary>
public static class WebhookEvolution
{
    public static Webhook Create(WebhookRegistered e, DateTimeOffset at) =>
        new(e.WebhookId, e.AgencyId, e.Url, e.Kinds, e.IncidentArea, e.RegisteredBy, at, null);

    public static Webhook Evolve(Webhook webhook, WebhookRemoved e, DateTimeOffset at) => webhook with { RemovedAt = webhook.RemovedAt ?? at };
}
