using Muster.Api.GraphQL;

namespace Muster.Api.ApiKeys;

public static class ApiKeysGraph
{
    /// <summary>issueApiKey and revokeApiKey; keys are not nodes (a key's secret is shown once, when issued).</summary>
    public static IServiceCollection AddApiKeysGraph(this IServiceCollection services) =>
        services.AddMutationFields(150, ApiKeyMutations.AddTo);
}
