using System.Text;
using Muster.Api.Tests.Support;

namespace Muster.Api.Tests.Authorization;

/// <summary>
/// The role × mutation matrix as the running service answers it over HTTP: every mutation of the schema, sent by
/// every role, is either refused at the door (FORBIDDEN, or UNAUTHENTICATED without a token) or let through to its
/// own checks (the agency rules then apply per object: each capability's tests prove those). The approved matrix is
/// <c>role-matrix.txt</c> beside this file, one line a mutation with the roles let through; it was checked against
/// each mutation's documented roles. Approve an intended change with
/// <c>MUSTER_APPROVE_ROLES=1 dotnet test tests/Muster.Api.Tests --filter RoleMatrix</c> and commit the file.
/// </summary>
public sealed class RoleMatrixTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] Roles = ["anonymous", "partner", "logistics", "commander", "admin"];

    private MusterApp App => fixture.App;

    [Fact]
    public async Task Every_mutation_lets_through_exactly_the_approved_roles_and_changes_nothing()
    {
        var eventsBefore = await App.EventCountAsync();
        var lines = new StringBuilder();
        foreach (var (mutation, inputType) in await MutationsAsync())
        {
            var admitted = new List<string>();
            foreach (var role in Roles)
            {
                var codes = await CallAsync(mutation, inputType, role);
                Assert.DoesNotContain("INTERNAL_SERVER_ERROR", codes);
                if (role == "anonymous")
                {
                    Assert.Contains("UNAUTHENTICATED", codes);
                }
                else if (!codes.Contains("FORBIDDEN"))
                {
                    admitted.Add(role);
                }
            }

            lines.Append(mutation).Append(": ").AppendJoin(' ', admitted).Append('\n');
        }

        var printed = lines.ToString();
        var path = Path.Combine(RepositoryRoot.Path(), "tests", "Muster.Api.Tests", "Authorization", "role-matrix.txt");
        if (Environment.GetEnvironmentVariable("MUSTER_APPROVE_ROLES") == "1")
        {
            await File.WriteAllTextAsync(path, printed);
        }

        var approved = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.Equal(approved, printed);
        Assert.Equal(eventsBefore, await App.EventCountAsync());
    }

    /// <summary>The call without its variable: a role refused at the door is told so before the input is even read.</summary>
    private async Task<IReadOnlyList<string>> CallAsync(string mutation, string inputType, string role)
    {
        var token = role switch
        {
            "anonymous" => null,
            "partner" => App.Token("partner", Guid.NewGuid()),
            _ => App.Token(role),
        };
        var response = await App.PostAsync(
            $"mutation Matrix($input: {inputType}!) {{ {mutation}(input: $input) {{ __typename }} }}", token: token);
        return response.ErrorCodes;
    }

    private async Task<List<(string Mutation, string InputType)>> MutationsAsync()
    {
        var response = await App.PostAsync(
            "{ __type(name: \"Mutation\") { fields { name args { name type { ofType { name } } } } } }", token: App.Token("admin"));
        return response.Data!["__type"]!["fields"]!.AsArray()
            .Select(f => (f!["name"]!.GetValue<string>(),
                f["args"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "input")!["type"]!["ofType"]!["name"]!.GetValue<string>()))
            .OrderBy(m => m.Item1, StringComparer.Ordinal)
            .ToList();
    }
}
