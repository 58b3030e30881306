using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Trace.Client.Canonical;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: members sorted by UTF-16 code units, no whitespace, minimal string escapes,
/// ECMAScript number formatting; the UTF-8 result is what Trace hashes for structured records.
/// </summary>
public static class JsonCanonicalizer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The canonical UTF-8 bytes of a JSON text.</summary>
    /// <exception cref="CanonicalJsonException">invalid JSON, duplicate keys, non-finite numbers or lone surrogates.</exception>
    public static byte[] Canonicalize(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Strict);
            return Canonicalize(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new CanonicalJsonException($"not valid JSON: {e.Message}");
        }
    }

    /// <summary>The canonical UTF-8 bytes of UTF-8 JSON text.</summary>
    public static byte[] Canonicalize(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json, Strict);
            return Canonicalize(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new CanonicalJsonException($"not valid JSON: {e.Message}");
        }
    }

    /// <summary>The canonical UTF-8 bytes of a parsed element.</summary>
    public static byte[] Canonicalize(JsonElement element)
    {
        var text = CanonicalizeToString(element);
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            throw new CanonicalJsonException("JSON contains a lone surrogate, which has no UTF-8 form");
        }
    }

    /// <summary>The canonical form as a string (before UTF-8 encoding).</summary>
    public static string CanonicalizeToString(JsonElement element)
    {
        var builder = new StringBuilder();
        Write(element, builder, "$");
        return builder.ToString();
    }

    private static void Write(JsonElement element, StringBuilder output, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<(string Name, JsonElement Value)>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var name = ReadString(() => property.Name, path);
                    if (!seen.Add(name)) throw new CanonicalJsonException($"duplicate key '{name}' in object at {path}");
                    members.Add((name, property.Value));
                }
                // string.CompareOrdinal compares UTF-16 code units, the order RFC 8785 §3.2.3 prescribes.
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                output.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0) output.Append(',');
                    WriteString(members[i].Name, output);
                    output.Append(':');
                    Write(members[i].Value, output, $"{path}.{members[i].Name}");
                }
                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index > 0) output.Append(',');
                    Write(item, output, $"{path}[{index++}]");
                }
                output.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(ReadString(element.GetString, path)!, output);
                break;
            case JsonValueKind.Number:
                var raw = element.GetRawText();
                var number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (!double.IsFinite(number)) throw new CanonicalJsonException($"number {raw} at {path} is outside the IEEE double range");
                output.Append(EcmaScriptNumber.Format(number));
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            case JsonValueKind.Null:
                output.Append("null");
                break;
            default:
                throw new CanonicalJsonException($"unexpected JSON value at {path}");
        }
    }

    private static string ReadString(Func<string?> read, string path)
    {
        try
        {
            return read() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            throw new CanonicalJsonException($"string at {path} contains an invalid escape or lone surrogate");
        }
    }

    /// <summary>RFC 8785 §3.2.2.2: escape only quote, backslash and control characters (\b \t \n \f \r short forms, else \u00xx).</summary>
    private static void WriteString(string value, StringBuilder output)
    {
        output.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\t': output.Append("\\t"); break;
                case '\n': output.Append("\\n"); break;
                case '\f': output.Append("\\f"); break;
                case '\r': output.Append("\\r"); break;
                case < ' ': output.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: output.Append(c); break;
            }
        }
        output.Append('"');
    }
}
