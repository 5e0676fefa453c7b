using Muster.Api.GraphQL;

namespace Muster.Api.Webhooks;

public static class WebhooksGraph
{
    /// <summary>
    /// The webhook fields and the delivery worker with its HTTP client (no redirects followed: a receiver cannot
    /// bounce a signed delivery elsewhere). Webhooks are not nodes.
    /// </summary>
    public static IServiceCollection AddWebhooksGraph(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services
            .AddSingleton<WebhookFanOut>()
            .AddSingleton<WebhookSender>()
            .AddSingleton<WebhookDeliveryLog>()
            .AddHostedService<WebhookWorker>()
            .AddQueryFields(210, WebhookQueries.AddTo)
            .AddMutationFields(160, WebhookMutations.AddTo);
    }
}
