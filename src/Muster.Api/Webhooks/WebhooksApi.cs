using Muster.Webhooks;

namespace Muster.Api.Webhooks;

public static class WebhooksApi
{
    /// <summary>
    /// Webhooks end to end: registration, the delivery worker and its HTTP client (no redirects followed: a
    /// receiver cannot bounce a signed delivery elsewhere). http:// URLs are accepted in Development unless
    /// configured otherwise.
    /// </summary>
    public static IServiceCollection AddWebhooksApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(WebhookOptions.Section);
        var options = section.Get<WebhookOptions>() ?? new WebhookOptions();
        if (environment.IsDevelopment() && section[nameof(WebhookOptions.AllowHttp)] is null)
        {
            options.AllowHttp = true;
        }

        services.AddWebhooks(options);
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services
            .AddSingleton<WebhookFanOut>()
            .AddSingleton<WebhookSender>()
            .AddSingleton<WebhookDeliveryLog>()
            .AddHostedService<WebhookWorker>();
    }
}
