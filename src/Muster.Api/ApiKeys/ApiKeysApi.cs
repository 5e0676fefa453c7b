using Muster.ApiKeys;

namespace Muster.Api.ApiKeys;

public static class ApiKeysApi
{
    /// <summary>The key register and its GraphQL mutations (issueApiKey, revokeApiKey).</summary>
    public static IServiceCollection AddApiKeysApi(this IServiceCollection services) => services.AddApiKeys();
}
