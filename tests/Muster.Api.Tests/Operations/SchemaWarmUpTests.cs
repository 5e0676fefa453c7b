using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Operations;

/// <summary>The schema is built while the service starts, so the first request after a restart does not wait for it.</summary>
public sealed class SchemaWarmUpTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public void The_schema_is_built_before_any_request()
    {
        // The fixture has started the host and sent nothing to /graphql.
        Assert.True(fixture.App.Services.GetRequiredService<ISchema>().Initialized);
    }
}
