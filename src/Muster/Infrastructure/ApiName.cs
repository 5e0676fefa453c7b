using System.Text;

namespace Muster.Infrastructure;

/// <summary>
/// An enum value as the API spells it (OutOfService → OUT_OF_SERVICE), for messages a client reads next to the schema's
/// own names; the same rule GraphQL.NET applies to enum values.
/// </summary>
public static class ApiName
{
    public static string Of(Enum value)
    {
        var name = value.ToString();
        var spelled = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                spelled.Append('_');
            }

            spelled.Append(char.ToUpperInvariant(name[i]));
        }

        return spelled.ToString();
    }
}
