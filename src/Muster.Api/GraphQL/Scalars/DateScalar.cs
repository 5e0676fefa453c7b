using GraphQL.Types;

namespace Muster.Api.GraphQL.Scalars;

/// <summary>A calendar day (ISO-8601 <c>yyyy-MM-dd</c>), for expiry dates and the like.</summary>
public sealed class DateScalar : DateOnlyGraphType
{
    public DateScalar()
    {
        Name = "Date";
        Description = "A calendar day in ISO-8601, yyyy-MM-dd (e.g. 2027-06-30).";
    }
}
