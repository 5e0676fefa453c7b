using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Muster.Api.GraphQL.WebSockets;

public static class WebSocketsModule
{
    public static IServiceCollection AddGraphQLWebSockets(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GraphQLWebSocketOptions>(configuration.GetSection(GraphQLWebSocketOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConnectionInitAuthenticator>();
        services.AddSingleton<ConnectionServices>();
        services.AddSingleton<GraphQLWebSocketEndpoint>();
        return services;
    }
}
