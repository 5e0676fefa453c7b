using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Infrastructure;
using Muster.Webhooks.Outbox;

namespace Muster.Webhooks;

public static class WebhooksModule
{
    private static StoreOptions ConfigureWebhooks(this StoreOptions options)
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

    /// <summary>Webhook registration and the outbox; http:// URLs are accepted in development unless configured otherwise.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration, bool development)
    {
        var section = configuration.GetSection(WebhookOptions.Section);
        var options = section.Get<WebhookOptions>() ?? new WebhookOptions();
        if (development && section[nameof(WebhookOptions.AllowHttp)] is null)
        {
            options.AllowHttp = true;
        }

        return services
            .ConfigureMarten(store => store.ConfigureWebhooks())
            .AddHandlers(typeof(WebhooksModule))
            .AddSingleton(options);
    }
}
