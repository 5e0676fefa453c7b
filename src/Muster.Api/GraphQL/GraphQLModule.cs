using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using Muster.Api.GraphQL.Authorization;
using Muster.Api.GraphQL.Caching;
using Muster.Api.GraphQL.Errors;
using Muster.Api.GraphQL.Limits;
using Muster.Api.GraphQL.Loading;
using Muster.Api.GraphQL.Relay;
using Muster.Api.GraphQL.Subscriptions;
using Muster.Api.GraphQL.Transport;
using Muster.Api.GraphQL.WebSockets;
using Muster.Api.Viewer;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL;

public static class GraphQLModule
{
    public const string Path = "/graphql";

    public static IServiceCollection AddMusterGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GraphQLHttpOptions.Section);
        services.Configure<GraphQLHttpOptions>(section);
        var limits = section.Get<GraphQLHttpOptions>() ?? new GraphQLHttpOptions();

        services.AddGraphQL(graphql => graphql
            .AddSchema<MusterSchema>()
            // Responses are JSON, never HTML: Chinese names and offsets can stay readable.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(GraphQLModule).Assembly)
            .AddErrorInfoProvider<MusterErrorInfoProvider>()
            .AddValidationRule<AuthorizationRule>()
            .AddValidationRule<HttpMethodRule>()
            .AddExecutionStrategy<EventScopedSubscriptionStrategy>(OperationType.Subscription)
            .AddComplexityAnalyzer(complexity => QueryLimits.Configure(complexity, limits))
            .UseTelemetry()
            .AddUnhandledExceptionHandler(context =>
            {
                var logger = context.ExecutionOptions.RequestServices?.GetService<ILogger<GraphQLHttpEndpoint>>();
                if (DatabaseUnavailable.Is(context.OriginalException))
                {
                    logger?.LogWarning("Database unavailable during a GraphQL operation: {Reason}", context.OriginalException.GetBaseException().Message);
                }
                else
                {
                    logger?.LogError(context.OriginalException, "Unhandled error in a GraphQL operation");
                }
            }));

        // The schema's own root fields; each capability adds the rest from its Add…Graph().
        services.AddQueryFields(10, NodeFields.AddTo).AddQueryFields(20, ViewerQuery.AddTo);
        services.AddHostedService<SchemaWarmUp>();
        services.AddSingleton<IConfigureExecution, ValidatedDocumentCache>();
        services.Configure<CostLimits>(configuration.GetSection(CostLimits.Section));
        services.AddSingleton<IConfigureExecution, CostLimit>();
        services.AddSingleton<IConfigureExecution, OperationTimeout>();
        services.AddScoped<RequestLoaders>();
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddGraphQLWebSockets(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapMusterGraphQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(Path, (HttpContext http, GraphQLHttpEndpoint endpoint, GraphQLWebSocketEndpoint sockets) =>
            http.WebSockets.IsWebSocketRequest ? sockets.HandleAsync(http) : endpoint.HandleAsync(http));
        return endpoints;
    }
}
