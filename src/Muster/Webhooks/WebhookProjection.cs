using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Muster.Webhooks;

/// <summary>Keeps the <see cref="Webhook"/> document in step with its stream (inline: a removed webhook gets nothing more).</summary>
public partial class WebhookProjection : SingleStreamProjection<Webhook, Guid>
{
    public static Webhook Create(IEvent<WebhookRegistered> registered) => WebhookEvolution.Create(registered.Data, registered.Timestamp);

    public static Webhook Apply(IEvent<WebhookRemoved> removed, Webhook webhook) => WebhookEvolution.Evolve(webhook, removed.Data, removed.Timestamp);
}
