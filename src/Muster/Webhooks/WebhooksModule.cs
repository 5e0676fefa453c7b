using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Muster.Webhooks.Outbox;
using Muster.Webhooks.Registering;
using Muster.Webhooks.Removing;

namespace Muster.Webhooks;

public static class WebhooksModule
{
    public static StoreOptions ConfigureWebhooks(this StoreOptions options)
    {
        options.Projections.Add<WebhookProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Webhook>().Index(w => w.AgencyId);
        options.Listeners.Add(new WebhookOutbox(options.Events.TimeProvider ?? TimeProvider.System));
        foreach (var table in WebhookTables.Define())
        {
            options.Storage.ExtendedSchemaObjects.Add(table);
        }

        return options;
    }

    public static IServiceCollection AddWebhooks(this IServiceCollection services, WebhookOptions options) =>
        services
            .AddSingleton(options)
            .AddScoped<RegisterWebhookHandler>()
            .AddScoped<RemoveWebhookHandler>();
}
