using Marten;
using Muster.Agencies;
using Muster.Infrastructure;
using Muster.Infrastructure.Writing;

namespace Muster.Webhooks.Registering;

public sealed record RegisterWebhook(Guid AgencyId, string Url, IReadOnlyList<WebhookKind> Kinds, Area? IncidentArea);

/// <summary>A webhook with its secret: the only moment the secret leaves the service.</summary>
public sealed record RegisteredWebhook(Webhook Webhook, string Secret);

public static class RegisterWebhookDecision
{
    public const int MaxUrlLength = 2000;

    public static Result<WebhookRegistered> Decide(RegisterWebhook command, bool agencyExists, Actor actor, Guid newId, bool allowHttp)
    {
        if (!actor.IsIn(Role.Admin, Role.Partner) || (actor.Role == Role.Partner && actor.AgencyId != command.AgencyId))
        {
            return new DomainError(ErrorCodes.Forbidden, "a partner registers webhooks for its own agency only; an admin for any");
        }

        if (CheckUrl(command.Url, allowHttp) is { } urlError)
        {
            return urlError;
        }

        if (command.Kinds.Count == 0)
        {
            return DomainError.Validation("name at least one kind of change", "kinds");
        }

        if (command.IncidentArea is { } area && CheckArea(area) is { } areaError)
        {
            return areaError;
        }

        if (command.Kinds.Contains(WebhookKind.Incidents) && command.IncidentArea is null)
        {
            return DomainError.Validation("INCIDENTS needs the incidentArea the agency covers", "incidentArea");
        }

        if (!agencyExists)
        {
            return DomainError.NotFound("no such agency", "agencyId");
        }

        return new WebhookRegistered(newId, command.AgencyId, command.Url, command.Kinds.Distinct().Order().ToList(), command.IncidentArea, actor.Subject);
    }

    /// <summary>An absolute https URL (http only where configured), without credentials in it.</summary>
    public static DomainError? CheckUrl(string url, bool allowHttp)
    {
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return DomainError.Validation($"url must be an absolute URL of at most {MaxUrlLength} characters", "url");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return DomainError.Validation(allowHttp ? "url must use https or http" : "url must use https", "url");
        }

        return uri.UserInfo.Length > 0 ? DomainError.Validation("url must not carry a user name or password", "url") : null;
    }

    private static DomainError? CheckArea(Area area)
    {
        double[] all = [area.West, area.South, area.East, area.North];
        if (!all.All(double.IsFinite) || area.West < -180 || area.East > 180 || area.South < -90 || area.North > 90
            || area.West >= area.East || area.South >= area.North)
        {
            return DomainError.Validation("incidentArea must be west < east within -180..180 and south < north within -90..90", "incidentArea");
        }

        return null;
    }
}

public sealed class RegisterWebhookHandler(EventWriter writer, WebhookOptions options)
{
    public async Task<Result<RegisteredWebhook>> Handle(RegisterWebhook command, CancellationToken ct)
    {
        var secret = WebhookSecret.New();
        var registered = await writer.WriteAsync<Webhook>(
            async (session, actor, token) =>
            {
                var agencyExists = await session.LoadAsync<Agency>(command.AgencyId, token) is not null;
                var decision = RegisterWebhookDecision.Decide(command, agencyExists, actor, Guid.CreateVersion7(), options.AllowHttp);
                if (!decision.Succeeded)
                {
                    return Result<Written<Webhook>>.Fail(decision.Errors);
                }

                // The secret is kept beside the stream, in the same transaction, never in an event.
                session.QueueSqlCommand($"insert into {WebhookTables.Secrets} (webhook_id, secret) values (?, ?)", decision.Value!.WebhookId, secret);
                return Written.Started<Webhook>(session.Events.StartStream<Webhook>(decision.Value!.WebhookId, decision.Value!));
            },
            null, ct);
        return registered.Succeeded ? new RegisteredWebhook(registered.Value!, secret) : Result<RegisteredWebhook>.Fail(registered.Errors);
    }
}
