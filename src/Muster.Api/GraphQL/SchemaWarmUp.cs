using GraphQL.Types;

namespace Muster.Api.GraphQL;

/// <summary>
/// Builds the schema while the service starts, before it answers: built on the first request instead, it held that
/// request (a commander's first proposal after a restart) for most of a second.
/// </summary>
public sealed class SchemaWarmUp(ISchema schema) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        schema.Initialize();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
