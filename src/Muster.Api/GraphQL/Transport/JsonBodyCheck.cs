using System.Text.Json;

namespace Muster.Api.GraphQL.Transport;

/// <summary>
/// What System.Text.Json lets through but a GraphQL request must not hold: a key given twice in one object (which
/// one would count?) and a string with a lone surrogate escape (<c>"\ud800"</c>), which no .NET string can hold.
/// One walk over the parsed body; the first problem found, in words a client's developer understands.
/// </summary>
public static class JsonBodyCheck
{
    public static string? ProblemOf(JsonElement root)
    {
        var stack = new Stack<(JsonElement Element, string Path)>();
        stack.Push((root, "body"));
        while (stack.Count > 0)
        {
            var (element, path) = stack.Pop();
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var names = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var property in element.EnumerateObject())
                    {
                        if (Decode(() => property.Name) is not { } name)
                        {
                            return $"A key in {path} holds a lone surrogate; send well-formed UTF-16 escapes.";
                        }

                        if (!names.Add(name))
                        {
                            return $"The key '{name}' appears twice in {path}; send each key once.";
                        }

                        stack.Push((property.Value, $"{path}.{name}"));
                    }

                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        stack.Push((item, $"{path}[{i++}]"));
                    }

                    break;
                case JsonValueKind.String when Decode(element.GetString) is null:
                    return $"The string at {path} holds a lone surrogate; send well-formed UTF-16 escapes.";
            }
        }

        return null;
    }

    private static string? Decode(Func<string?> read)
    {
        try
        {
            return read() ?? "";
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
