using GraphQL.Types;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL.Scalars;

/// <summary>What every mutation answers: the changed object, or the business errors and nothing changed.</summary>
public sealed record Payload(object? Value, IReadOnlyList<DomainError> Errors)
{
    /// <summary>
    /// The payload of a result; a refusal for who the caller is (FORBIDDEN) is an authorization failure,
    /// answered as a top-level error like the role checks.
    /// </summary>
    public static Payload From<T>(Result<T> result)
    {
        if (result.Errors.FirstOrDefault(e => e.Code == ErrorCodes.Forbidden) is { } forbidden)
        {
            throw new global::GraphQL.ExecutionError(forbidden.Message) { Code = ErrorCodes.Forbidden };
        }

        return new(result.Value, result.Errors);
    }

    /// <summary>The answer for an id that names nothing of the expected type: NOT_FOUND, like an unknown object.</summary>
    public static Payload NotFound(string what, string field) => new(null, [DomainError.NotFound($"no such {what}", field)]);
}

public abstract class PayloadType<TGraph> : ObjectGraphType<Payload>
    where TGraph : IGraphType
{
    protected PayloadType(string name, string field, string description)
        : this(name, field, description, value => value, secret: null)
    {
    }

    /// <summary>A payload whose value carries more than the object: <paramref name="objectOf"/> picks the object out of it.</summary>
    protected PayloadType(string name, string field, string description, Func<object?, object?> objectOf, (string Description, Func<object?, string?> Of)? secret)
    {
        Name = name;
        Description = description;
        Field<TGraph>(field).Resolve(c => objectOf(c.Source.Value));
        if (secret is { } shownOnce)
        {
            Field<StringGraphType>("secret").Description(shownOnce.Description).Resolve(c => shownOnce.Of(c.Source.Value));
        }

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("Empty when the mutation succeeded.")
            .Resolve(c => c.Source.Errors);
    }
}

/// <summary>The answer of a mutation that creates a credential: the object and, this once, its secret.</summary>
public abstract class SecretPayloadType<TGraph, TCreated>(
    string name, string field, string description, string secretDescription, Func<TCreated, object> objectOf, Func<TCreated, string> secretOf)
    : PayloadType<TGraph>(name, field, description,
        value => value is TCreated created ? objectOf(created) : null,
        (secretDescription, value => value is TCreated created ? secretOf(created) : null))
    where TGraph : IGraphType;
