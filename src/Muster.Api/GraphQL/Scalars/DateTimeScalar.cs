using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Muster.Api.GraphQL.Scalars;

/// <summary>An instant as ISO-8601 text with its UTC offset, e.g. 2026-11-29T12:30:00+08:00. Input without an offset is refused.</summary>
public sealed class DateTimeScalar : ScalarGraphType
{
    public DateTimeScalar()
    {
        Name = "DateTime";
        Description = "An instant as ISO-8601 text with a UTC offset, e.g. 2026-11-29T12:30:00+08:00 or 2026-11-29T04:30:00Z.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset at => at.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateTime at => new DateTimeOffset(at.ToUniversalTime()).ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text) ?? ThrowValueConversionError(value),
        DateTimeOffset at => at.ToUniversalTime(),
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse((string)text.Value) ?? ThrowLiteralConversionError(value),
        _ => ThrowLiteralConversionError(value),
    };

    private static DateTimeOffset? Parse(string text)
    {
        var time = text.IndexOf('T', StringComparison.Ordinal);
        var hasOffset = time > 0 && (text.EndsWith('Z') || text.IndexOfAny(['+', '-'], time) > 0);
        // The instant is kept in UTC: PostgreSQL timestamptz stores instants, and Npgsql writes only UTC offsets.
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToUniversalTime()
            : null;
    }
}
