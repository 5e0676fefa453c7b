namespace Muster.Api.Webhooks;

/// <summary>One change sent (or to be sent) to one webhook: the record a partner queries to see what reached it.</summary>
public sealed record WebhookDelivery(
    Guid Id,
    Guid WebhookId,
    string Type,
    string Payload,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatus,
    string? LastError,
    DateTimeOffset? DeliveredAt)
{
    /// <summary>The <c>webhook-id</c> header: the same on every attempt, so a receiver can drop a repeat.</summary>
    public string MessageId => "msg_" + Id.ToString("N");
}

public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet; the next attempt is due at <c>nextAttemptAt</c>.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up: every attempt failed, or the webhook was removed.</summary>
    Failed,
}
