namespace Muster.Api.Auth;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HS256 key for bearer tokens (its UTF-8 bytes, at least 32).</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OIDC issuer; when set it replaces the signing key.</summary>
    public string? Authority { get; set; }

    public string? Issuer { get; set; }
    public string? Audience { get; set; }
}

public static class Claims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Agency = "agency";
}
