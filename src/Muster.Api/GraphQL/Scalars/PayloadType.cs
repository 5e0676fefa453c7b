using GraphQL.Types;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL.Scalars;

/// <summary>What every mutation answers: the changed object, or the business errors and nothing changed.</summary>
public sealed record Payload(object? Value, IReadOnlyList<DomainError> Errors)
{
    public static Payload From<T>(Result<T> result) => new(result.Value, result.Errors);
}

public abstract class PayloadType<TGraph> : ObjectGraphType<Payload>
    where TGraph : IGraphType
{
    protected PayloadType(string name, string field, string description)
    {
        Name = name;
        Description = description;
        Field<TGraph>(field).Resolve(c => c.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("Empty when the mutation succeeded.")
            .Resolve(c => c.Source.Errors);
    }
}
