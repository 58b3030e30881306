using System.Text.Json;
using System.Text.Json.Nodes;
using Trace.Domain;

namespace Trace.Node.Lineage.Records;

/// <summary>Turns a schema violation into the refusal a supplier can act on: the field's path and a sentence naming the record kind.</summary>
public static class SchemaViolationMessages
{
    /// <summary>The <see cref="InvalidFieldException"/> for <paramref name="violation"/> of a <paramref name="kind"/> record.</summary>
    public static InvalidFieldException ToException(RecordKind kind, SchemaViolation violation, JsonElement record)
    {
        var label = LineageRecordKinds.Label(kind);
        var pointer = violation.InstancePointer;
        var value = Resolve(record, pointer);
        var node = violation.KeywordNode();
        string message;
        switch (violation.Keyword)
        {
            case "required":
                var missing = (node as JsonArray)?.Select(n => n?.GetValue<string>()).FirstOrDefault(name =>
                    name is not null && value is { ValueKind: JsonValueKind.Object } obj && !obj.TryGetProperty(name, out _));
                if (missing is not null) pointer = $"{pointer}/{missing}";
                message = "is required";
                break;
            case "const":
                message = $"must be {node?.ToJsonString() ?? "the constant value"}";
                break;
            case "enum":
                var choices = string.Join(", ", (node as JsonArray)?.Select(n => n?.ToJsonString()) ?? []);
                message = violation.DefinitionName() == "unitCode" || pointer.EndsWith("/unit", StringComparison.Ordinal)
                    ? $"unknown unit {Show(value)}: must be a UN/ECE Rec 20 code Trace supports ({choices})"
                    : $"{Show(value)} is not one of {choices}";
                break;
            case "pattern":
                message = $"{Show(value)} {PatternRule(violation)}";
                break;
            case "type":
                message = $"must be a JSON {node?.ToString() ?? "value of another type"}, not {Describe(value)}"
                    + (IsDecimalPlace(violation) ? " (decimals are JSON strings, e.g. \"12.5\")" : "");
                break;
            case "format":
                message = $"{Show(value)} is not an RFC 3339 date-time with offset, e.g. \"2026-10-01T00:00:00Z\"";
                break;
            case "minItems":
                message = $"needs at least {node} item(s)";
                break;
            case "minProperties" or "maxProperties":
                message = pointer.EndsWith("facility", StringComparison.Ordinal)
                    ? "must have exactly one of gln or installationId"
                    : $"must have {(violation.Keyword == "minProperties" ? "at least" : "at most")} {node} member(s)";
                break;
            case "minLength" or "maxLength":
                message = $"must be {(violation.Keyword == "minLength" ? "at least" : "at most")} {node} characters long";
                break;
            case "dependentRequired":
                var (present, absent) = (node as JsonObject)?.Where(p => value is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(p.Key, out _))
                    .SelectMany(p => (p.Value as JsonArray ?? []).Select(d => (p.Key, Dependent: d?.GetValue<string>())))
                    .FirstOrDefault(p => p.Dependent is not null && value is { ValueKind: JsonValueKind.Object } o && !o.TryGetProperty(p.Dependent, out _)) ?? default;
                if (absent is not null) pointer = $"{pointer}/{absent}";
                message = present is null ? "a member this one depends on is missing" : $"is required with {present}";
                break;
            case "" or "false" or "additionalProperties":
                message = "is not a member this schema defines (unknown members are refused; put your own data under \"extensions\")";
                break;
            default:
                message = violation.LibraryMessage;
                break;
        }
        return new InvalidFieldException(RecordFieldPath.FromPointer(pointer), $"{label}: {message}");
    }

    private static string PatternRule(SchemaViolation violation) => violation.DefinitionName() switch
    {
        "decimal" => "is not a decimal >= 0 written as a JSON string (digits, optional fraction, no sign or exponent, e.g. \"12.5\")",
        "positiveDecimal" => "is not a decimal > 0 written as a JSON string (e.g. \"1000\" or \"0.5\")",
        "salt" => "is not a salt: \"0x\" + 64 hex digits",
        "recordId" => "is not a record id: \"0x\" + 64 hex digits",
        "address" => "is not a participant address: \"0x\" + 40 hex digits",
        "unLocode" => "is not a UN/LOCODE (2-letter country + 3 characters A-Z or 2-9, e.g. \"NLRTM\")",
        "lineageId" => "is not a URN (urn:…) or a GS1 Digital Link URI",
        _ => $"does not match the pattern {violation.KeywordNode()?.ToString() ?? "required"}",
    };

    private static bool IsDecimalPlace(SchemaViolation violation) => violation.DefinitionName() is "decimal" or "positiveDecimal";

    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child)) current = child;
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var i) && i < current.GetArrayLength()) current = current[i];
            else return null;
        }
        return current;
    }

    private static string Show(JsonElement? value)
    {
        if (value is not { } v) return "the value";
        var text = v.GetRawText();
        return text.Length > 80 ? text[..77] + "..." : text;
    }

    private static string Describe(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.Number => $"the number {Show(value)}",
        JsonValueKind.String => "a string",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };
}
