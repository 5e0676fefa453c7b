using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Webhooks.Removing;

public sealed record RemoveWebhook(Guid WebhookId);

public static class RemoveWebhookDecision
{
    public static Result<WebhookRemoved> Decide(Webhook? webhook, Actor actor)
    {
        if (!actor.IsIn(Role.Admin, Role.Partner) || (webhook is not null && actor.Role == Role.Partner && actor.AgencyId != webhook.AgencyId))
        {
            return new DomainError(ErrorCodes.Forbidden, "a partner removes its own agency's webhooks only; an admin any");
        }

        if (webhook is null)
        {
            return DomainError.NotFound("no such webhook", "webhookId");
        }

        return webhook.Removed ? DomainError.InvalidState("the webhook is already removed", "webhookId") : new WebhookRemoved(webhook.Id, actor.Subject);
    }
}

/// <summary>Stops new deliveries to the webhook; those already recorded stay queryable and are not sent any more.</summary>
public sealed class RemoveWebhookHandler(EventWriter writer)
{
    public Task<Result<Webhook>> Handle(RemoveWebhook command, CancellationToken ct) =>
        writer.ChangeAsync<Webhook, WebhookRemoved>(
            command.WebhookId, RemoveWebhookDecision.Decide, DomainError.Conflict("the webhook changed meanwhile; try again", "webhookId"), ct);
}
