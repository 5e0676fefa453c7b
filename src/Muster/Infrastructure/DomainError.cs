namespace Muster.Infrastructure;

/// <summary>A business-rule failure, answered in a mutation payload's <c>errors</c>.</summary>
public sealed record DomainError(string Code, string Message, string? Field = null)
{
    public static DomainError NotFound(string message, string? field = null) => new(ErrorCodes.NotFound, message, field);
    public static DomainError Validation(string message, string? field = null) => new(ErrorCodes.Validation, message, field);
    public static DomainError InvalidState(string message, string? field = null) => new(ErrorCodes.InvalidState, message, field);
    public static DomainError Conflict(string message, string? field = null) => new(ErrorCodes.Conflict, message, field);
}

public static class ErrorCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string InsufficientStock = "INSUFFICIENT_STOCK";
    public const string InvalidState = "INVALID_STATE";
    public const string Conflict = "CONFLICT";
    public const string Validation = "VALIDATION";
    public const string Forbidden = "FORBIDDEN";
}

/// <summary>Either a value or the business errors that prevented it.</summary>
public sealed class Result<T>
{
    private Result(T? value, IReadOnlyList<DomainError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }
    public IReadOnlyList<DomainError> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static Result<T> Ok(T value) => new(value, []);
    public static Result<T> Fail(params DomainError[] errors) => new(default, errors);
    public static Result<T> Fail(IReadOnlyList<DomainError> errors) => new(default, errors);

    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(DomainError error) => Fail(error);
}
