using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using GraphQL;
using Microsoft.AspNetCore.RateLimiting;
using Muster.Api.GraphQL;
using Muster.Api.GraphQL.Errors;
using Muster.Api.GraphQL.Transport;

namespace Muster.Api.Operations.RateLimiting;

/// <summary>
/// Per-caller rate limits with ASP.NET Core's rate limiter: a caller past its budget is answered 429,
/// <c>Retry-After</c>, and a GraphQL error with <c>extensions.code</c> RATE_LIMITED, before its request is read.
/// Health endpoints are never limited.
/// </summary>
public static class RateLimitingModule
{
    public static IServiceCollection AddMusterRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimits.Section).Get<RateLimits>() ?? new RateLimits();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                !limits.Enabled || !(http.Request.Path.StartsWithSegments(GraphQLModule.Path) || http.Request.Path.StartsWithSegments(Drills.DrillsGraph.PathPrefix))
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : Partition(http.User, http, limits));
            options.OnRejected = WriteRejectionAsync;
        });
        return services;
    }

    public static IApplicationBuilder UseMusterRateLimiting(this IApplicationBuilder app) => app.UseRateLimiter();

    private static RateLimitPartition<string> Partition(ClaimsPrincipal user, HttpContext http, RateLimits limits)
    {
        var subject = user.Identity?.IsAuthenticated == true ? user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var (key, burst, perSecond) = subject is not null
            ? ("sub:" + subject, limits.Burst, limits.PerSecond)
            : ("ip:" + http.Connection.RemoteIpAddress, limits.AnonymousBurst, limits.AnonymousPerSecond);
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = Math.Max(1, perSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = (MediaTypes.Negotiate(http.Request.Headers.Accept) ?? MediaTypes.Json) + "; charset=utf-8";
        var result = new ExecutionResult
        {
            Errors = [new ExecutionError($"Too many requests from this caller; retry after {seconds} s.") { Code = ErrorCode.RateLimited }],
        };
        var serializer = http.RequestServices.GetRequiredService<IGraphQLSerializer>();
        await serializer.WriteAsync(http.Response.Body, result, ct);
    }
}
