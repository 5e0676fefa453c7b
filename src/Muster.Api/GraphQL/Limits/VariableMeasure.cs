using System.Collections;
using GraphQL;
using Muster.Api.GraphQL.Errors;

namespace Muster.Api.GraphQL.Limits;

/// <summary>Walks the variables once: lists longer than allowed, too many values in all, and U+0000 in any text.</summary>
public sealed class VariableMeasure(int maxListItems, int maxValues)
{
    private int _values;

    public ExecutionError? Check(Inputs variables)
    {
        foreach (var (name, value) in variables)
        {
            if (Walk(value, name) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private ExecutionError? Walk(object? value, string path)
    {
        if (++_values > maxValues)
        {
            return new ExecutionError($"The variables hold more than {maxValues} values.") { Code = ErrorCode.QueryTooComplex };
        }

        switch (value)
        {
            case string text:
                return TextRefusal.Of(text, path);
            case IEnumerable<KeyValuePair<string, object?>> fields:
                foreach (var (name, field) in fields)
                {
                    if (Walk(field, $"{path}.{name}") is { } refusal)
                    {
                        return refusal;
                    }
                }

                return null;
            case IList list:
                if (list.Count > maxListItems)
                {
                    return new ExecutionError($"The variable '{path}' is a list of {list.Count} items; at most {maxListItems}.")
                    {
                        Code = ErrorCode.QueryTooComplex,
                    };
                }

                for (var i = 0; i < list.Count; i++)
                {
                    if (Walk(list[i], $"{path}[{i}]") is { } refusal)
                    {
                        return refusal;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
