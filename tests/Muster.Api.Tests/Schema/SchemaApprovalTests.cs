using GraphQL;
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
    public async Task The_running_schema_is_the_approved_schema()
    {
        var printed = await PrintSchemaAsync();
        var path = Path.Combine(RepositoryRoot.Path(), "schema", "schema.graphql");
        if (Environment.GetEnvironmentVariable("MUSTER_APPROVE_SCHEMA") == "1")
        {
            File.WriteAllText(path, printed);
        }

        var approved = File.Exists(path) ? File.ReadAllText(path) : "";
        Assert.True(approved == printed,
            $"The schema differs from {path}. If the change is intended, run: MUSTER_APPROVE_SCHEMA=1 dotnet test tests/Muster.Api.Tests --filter SchemaApproval");
    }

    /// <summary>The schema as the application composes it: each capability's Add…Graph() contributes its root fields.</summary>
    public static async Task<string> PrintSchemaAsync()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new MusterApp(database);
        var schema = app.Services.GetRequiredService<MusterSchema>();
        schema.Initialize();
        return schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
