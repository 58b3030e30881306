using System.Text;

namespace Trace.Node.Lineage.Records;

/// <summary>Turns a JSON pointer into the readable field path refusals name, e.g. "/inputs/0/quantity" → "record_json.inputs[0].quantity".</summary>
public static class RecordFieldPath
{
    /// <summary>The root: the request field that carries the record.</summary>
    public const string Root = "record_json";

    /// <summary>The field path of a JSON pointer (RFC 6901, "~0"/"~1" escapes decoded); array indexes in brackets.</summary>
    public static string FromPointer(string pointer)
    {
        var builder = new StringBuilder(Root);
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit)) builder.Append('[').Append(segment).Append(']');
            else builder.Append('.').Append(segment);
        }
        return builder.ToString();
    }

    /// <summary>A member of <paramref name="parent"/>.</summary>
    public static string Member(string parent, string name) => $"{parent}.{name}";

    /// <summary>An element of the array at <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
