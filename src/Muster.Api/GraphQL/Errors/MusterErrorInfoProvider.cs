using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;
using Muster.Api.GraphQL.Authorization;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL.Errors;

/// <summary>
/// Every top-level error carries one <c>extensions.code</c>. Outside Development: no exception details
/// and no "Did you mean …" suggestions, which would let a caller map the schema without introspection; a caller
/// without a token gets no detail of why its document is invalid, in any environment.
/// </summary>
public sealed partial class MusterErrorInfoProvider(IHostEnvironment environment, IHttpContextAccessor http) : IErrorInfoProvider
{
    private readonly ErrorInfoProvider _inner = new(options =>
    {
        options.ExposeExceptionDetails = environment.IsDevelopment();
        options.ExposeCodes = false;
        options.ExposeCode = false;
    });

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = _inner.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        extensions.Remove("number");
        extensions["code"] = CodeOf(executionError);
        var message = info.Message;
        if (extensions["code"] is ErrorCode.ServiceUnavailable)
        {
            message = "The database is unavailable at the moment; retry in a few seconds.";
        }
        else if (executionError is UnhandledError && !environment.IsDevelopment())
        {
            message = "Internal error; it has been logged.";
        }
        else if (executionError is ValidationError && extensions["code"] is ErrorCode.Validation && !HasToken())
        {
            // A caller without a token learns neither field names nor suggestions: the schema is for known callers.
            message = "The document is not valid for this service; callers with a bearer token are told why.";
            extensions.Remove("details");
            extensions.Remove("data");
        }
        else
        {
            if (!environment.IsDevelopment())
            {
                message = Suggestion().Replace(message, "");
            }

            if (executionError is ValidationError)
            {
                message += ValidEnumValues(message);
            }
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    /// <summary>For a wrong enum value (a literal or a variable), the enum's valid values, so the caller can correct it.</summary>
    private string ValidEnumValues(string message)
    {
        var schema = http.HttpContext?.RequestServices.GetService<ISchema>();
        if (schema is null)
        {
            return "";
        }

        var named = EnumMentioned().Matches(message).Select(m => m.Groups["type"].Value).Distinct();
        var lists = named
            .Select(name => schema.AllTypes[name] as EnumerationGraphType)
            .OfType<EnumerationGraphType>()
            .Select(e => $" Valid values of {e.Name}: {string.Join(", ", e.Values.Select(v => v.Name))}.");
        return string.Concat(lists);
    }

    private bool HasToken() => http.HttpContext?.User.Identity?.IsAuthenticated == true;

    public static string CodeOf(ExecutionError error) => error switch
    {
        ComplexityError when error.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) => ErrorCode.QueryTooDeep,
        ComplexityError => ErrorCode.QueryTooComplex,
        SyntaxError => ErrorCode.SyntaxError,
        TimeoutError => ErrorCode.Timeout,
        UnhandledError when DatabaseUnavailable.Is(error.InnerException) => ErrorCode.ServiceUnavailable,
        UnhandledError => ErrorCode.Internal,
        ValidationError { Code: AuthorizationRule.Unauthenticated or AuthorizationRule.Forbidden or HttpMethodRule.MethodNotAllowed } v => v.Code!,
        ValidationError => ErrorCode.Validation,
        DocumentError or RequestError => ErrorCode.BadRequest,
        { Code: { Length: > 0 } code } => code,
        _ => ErrorCode.Internal,
    };

    /// <summary>GraphQL.NET's words for a value that does not fit a type: literals "Expected type 'X'", variables "to 'X'".</summary>
    [GeneratedRegex(@"(?:Expected type|Unable to convert '[^']*' to) '\[?(?<type>[_A-Za-z][_0-9A-Za-z]*)", RegexOptions.CultureInvariant)]
    private static partial Regex EnumMentioned();

    [GeneratedRegex(@"\s*Did you mean [^?]*\?", RegexOptions.CultureInvariant)]
    private static partial Regex Suggestion();
}

public static class ErrorCode
{
    public const string BadRequest = "BAD_REQUEST";
    public const string SyntaxError = "SYNTAX_ERROR";
    public const string Validation = "VALIDATION";
    public const string QueryTooDeep = "QUERY_TOO_DEEP";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string Timeout = "TIMEOUT";
    public const string Internal = "INTERNAL_SERVER_ERROR";
    public const string BatchTooLarge = "BATCH_TOO_LARGE";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string TooManyErrors = "TOO_MANY_ERRORS";
    public const string ResponseTooLarge = "RESPONSE_TOO_LARGE";
    public const string RateLimited = "RATE_LIMITED";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    public const string Unauthenticated = AuthorizationRule.Unauthenticated;
}
