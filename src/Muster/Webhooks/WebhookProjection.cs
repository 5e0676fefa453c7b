using Muster.Infrastructure.Writing;

namespace Muster.Webhooks;

/// <summary>Keeps the <see cref="Webhook"/> document in step with its stream (inline: a removed webhook gets nothing more).</summary>
public partial class WebhookProjection : AggregateProjection<Webhook>;
