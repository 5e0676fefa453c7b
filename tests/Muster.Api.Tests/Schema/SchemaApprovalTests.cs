using GraphQL;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Muster.Api.GraphQL;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Schema;

/// <summary>
/// schema/schema.graphql is the approved public contract. When a change to it is intended, approve it with
/// <c>MUSTER_APPROVE_SCHEMA=1 dotnet test tests/Muster.Api.Tests --filter SchemaApproval</c> and commit the file.
/// </summary>
public sealed class SchemaApprovalTests
{
    [Fact]
    public void The_running_schema_is_the_approved_schema()
    {
        var printed = PrintSchema();
        var path = Path.Combine(RepositoryRoot.Path(), "schema", "schema.graphql");
        if (Environment.GetEnvironmentVariable("MUSTER_APPROVE_SCHEMA") == "1")
        {
            File.WriteAllText(path, printed);
        }

        var approved = File.Exists(path) ? File.ReadAllText(path) : "";
        Assert.True(approved == printed,
            $"The schema differs from {path}. If the change is intended, run: MUSTER_APPROVE_SCHEMA=1 dotnet test tests/Muster.Api.Tests --filter SchemaApproval");
    }

    public static string PrintSchema()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMusterGraphQL(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        var schema = provider.GetRequiredService<MusterSchema>();
        schema.Initialize();
        return schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
