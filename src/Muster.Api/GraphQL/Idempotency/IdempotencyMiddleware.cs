using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Muster.Infrastructure.Idempotency;

namespace Muster.Api.GraphQL.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> header on a POST to /graphql: the first request with a key runs, and if it committed
/// anything its answer is kept; a retry with the same key and body gets that answer and writes nothing. The same key
/// with another body is <c>IDEMPOTENCY_KEY_REUSED</c> (422); a retry while the first still runs is <c>CONFLICT</c>
/// (409, Retry-After); a retry of a request that committed but whose answer was lost is <c>ALREADY_APPLIED</c> (409).
/// Keys belong to the token's subject. A request that committed nothing keeps nothing: its retry simply runs.
/// </summary>
public sealed partial class IdempotencyMiddleware(
    RequestDelegate next, IdempotencyKeys keys, IOptions<IdempotencyOptions> options, ILogger<IdempotencyMiddleware> logger)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;
    private const int MaxBodyBytes = 4 << 20;

    public async Task InvokeAsync(HttpContext http)
    {
        if (!Applies(http, out var key))
        {
            await next(http);
            return;
        }

        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await RefuseAsync(http, 400, "VALIDATION", $"{Header} must be 1 to {MaxKeyLength} printable ASCII characters without spaces.");
            return;
        }

        if (await BodyHashAsync(http) is not { } hash)
        {
            await next(http); // too large: the endpoint refuses it
            return;
        }

        try
        {
            await RunOnceAsync(http, http.User.Identity!.Name ?? "", key, hash);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException && !http.Response.HasStarted)
        {
            // Nothing ran, or what ran did not commit (its transaction needs the database too): the retry is safe.
            http.Response.Headers.RetryAfter = "1";
            await RefuseAsync(http, 503, "SERVICE_UNAVAILABLE", "The database is unavailable; retry with the same key in a moment.");
        }
    }

    private async Task RunOnceAsync(HttpContext http, string caller, string key, string hash)
    {
        var ct = http.RequestAborted;
        await using var lease = await keys.TryLockAsync(caller, key, ct);
        if (lease is null)
        {
            http.Response.Headers.RetryAfter = "1";
            await RefuseAsync(http, 409, "CONFLICT", $"A request with this {Header} is still running; retry it in a moment.");
            return;
        }

        if (await keys.FindAsync(caller, key, options.Value.KeepFor, ct) is { } stored)
        {
            await AnswerStoredAsync(http, stored, hash);
            return;
        }

        await RunAndKeepAsync(http, new IdempotentRequest(caller, key, hash));
    }

    private static bool Applies(HttpContext http, out string key)
    {
        key = "";
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.Equals(GraphQLModule.Path)
            || http.User.Identity?.IsAuthenticated != true || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            return false;
        }

        key = values.ToString();
        return true;
    }

    private static async Task<string?> BodyHashAsync(HttpContext http)
    {
        http.Request.EnableBuffering();
        var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > MaxBodyBytes)
            {
                http.Request.Body.Position = 0;
                return null;
            }
        }

        http.Request.Body.Position = 0;
        return Convert.ToHexStringLower(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
    }

    private static async Task AnswerStoredAsync(HttpContext http, StoredAnswer stored, string hash)
    {
        if (stored.BodyHash != hash)
        {
            await RefuseAsync(http, 422, "IDEMPOTENCY_KEY_REUSED", $"This {Header} was used for a different request; use a new key for a new request.");
        }
        else if (!stored.Answered)
        {
            await RefuseAsync(http, 409, "ALREADY_APPLIED",
                $"The request with this {Header} was applied, but its answer was lost; read the objects it changed instead of retrying.");
        }
        else
        {
            http.Response.StatusCode = stored.Status!.Value;
            http.Response.ContentType = stored.ContentType;
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers[ReplayedHeader] = "true";
            await http.Response.WriteAsync(stored.Body!, http.RequestAborted);
        }
    }

    /// <summary>Runs the request with the key ambient, buffering the answer so that it can be kept once sent.</summary>
    private async Task RunAndKeepAsync(HttpContext http, IdempotentRequest request)
    {
        var original = http.Response.Body;
        var answer = new MemoryStream();
        http.Response.Body = answer;
        try
        {
            using (IdempotentRequest.Begin(request))
            {
                await next(http);
            }
        }
        finally
        {
            http.Response.Body = original;
        }

        var text = Encoding.UTF8.GetString(answer.GetBuffer(), 0, (int)answer.Length);
        try
        {
            // Only a request that committed has a row to complete; CancellationToken.None: the write happened.
            await keys.StoreAnswerAsync(request.Caller, request.Key, http.Response.StatusCode, http.Response.ContentType, text, CancellationToken.None);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            LogAnswerNotKept(e, request.Key);
        }

        answer.Position = 0;
        await answer.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task RefuseAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new { errors = new[] { new { message, extensions = new { code } } } };
        await http.Response.WriteAsync(JsonSerializer.Serialize(body), http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to a request with idempotency key {Key} was not kept; a retry will be told ALREADY_APPLIED")]
    private partial void LogAnswerNotKept(Exception error, string key);
}
