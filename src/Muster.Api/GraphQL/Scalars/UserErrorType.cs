using GraphQL.Types;
using Muster.Infrastructure;

namespace Muster.Api.GraphQL.Scalars;

public sealed class UserErrorType : ObjectGraphType<DomainError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "Why a mutation changed nothing: NOT_FOUND, INSUFFICIENT_STOCK, INVALID_STATE, CONFLICT, VALIDATION or FORBIDDEN.";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
        Field<StringGraphType>("field").Description("The input field at fault, when there is one.").Resolve(c => c.Source.Field);
    }
}
