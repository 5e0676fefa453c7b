using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using Muster.Api.GraphQL.Relay;
using Muster.Infrastructure;
using Muster.Webhooks;

namespace Muster.Api.Webhooks;

public static class WebhookQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookType>>>>("webhooks")
            .Description("Registered webhooks, newest first, removed ones included: a partner's own agency's; an admin's of every agency or of agencyId.")
            .Argument<IdGraphType>("agencyId")
            .AuthorizeWithRoles(Roles.Admin, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var webhooks = context.RequestServices!.GetRequiredService<IQuerySession>().Query<Webhook>().VisibleTo(Visibility.Viewer(context));
                if (context.GetArgument<string?>("agencyId") is { } id)
                {
                    var agency = GlobalId.Of(GlobalId.Agency, id) ?? Guid.Empty;
                    webhooks = webhooks.Where(w => w.AgencyId == agency);
                }

                return (object?)await webhooks.OrderByDescending(w => w.RegisteredAt).Take(Connections.MaxPageSize).ToListAsync(context.CancellationToken);
            });

        query.Field<ConnectionType<WebhookDeliveryType, EdgeType<WebhookDeliveryType>>>("webhookDeliveries")
            .Description("What was sent to a webhook, newest first, optionally of one status; null for a webhook the caller cannot see.")
            .Argument<NonNullGraphType<IdGraphType>>("webhookId")
            .Argument<WebhookDeliveryStatusType>("status")
            .Paged()
            .AuthorizeWithRoles(Roles.Admin, Roles.Partner)
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                var id = GlobalId.Of(WebhookType.TypeName, context.GetArgument<string>("webhookId"));
                var webhook = id is { } raw ? await services.GetRequiredService<IQuerySession>().LoadAsync<Webhook>(raw, context.CancellationToken) : null;
                if (webhook is null || !WebhookVisibility.MaySee(Visibility.Viewer(context), webhook))
                {
                    return null;
                }

                var log = services.GetRequiredService<WebhookDeliveryLog>();
                var status = context.GetArgument<WebhookDeliveryStatus?>("status");
                return await Connections.ResolveAsync(
                    context,
                    ct => log.CountAsync(webhook.Id, status, ct),
                    (offset, limit, ct) => log.PageAsync(webhook.Id, status, offset, limit, ct));
            });
    }
}
