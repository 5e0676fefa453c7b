using Muster.Infrastructure.Writing;

namespace Muster.Webhooks;

public sealed record WebhookRegistered(Guid WebhookId, Guid AgencyId, string Url, IReadOnlyList<WebhookKind> Kinds, Area? IncidentArea, string RegisteredBy) : IEventOf<Webhook>;

public sealed record WebhookRemoved(Guid WebhookId, string RemovedBy) : IEventOf<Webhook>;
