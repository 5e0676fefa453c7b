namespace Muster.Api.GraphQL.Idempotency;

/// <summary>Configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key and its answer are kept; a retry after that runs again.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often an instance deletes expired keys.</summary>
    public TimeSpan CleanupEvery { get; set; } = TimeSpan.FromMinutes(10);
}
