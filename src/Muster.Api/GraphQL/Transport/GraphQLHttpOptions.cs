namespace Muster.Api.GraphQL.Transport;

/// <summary>The <c>GraphQL</c> configuration section: limits that keep one caller from starving the rest.</summary>
public sealed class GraphQLHttpOptions
{
    public const string Section = "GraphQL";

    public int MaxDepth { get; set; } = 12;
    // About the number of fields a response may resolve: a full page (100) of a list with its nested lines fits.
    public int MaxComplexity { get; set; } = 10_000;
    public int MaxBatchSize { get; set; } = 10;
    public int MaxRequestBytes { get; set; } = 256 * 1024;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
