using System.Text;
using System.Text.Json;
using Trace.Domain;

namespace Trace.Client.Standards.Epcis.EventHash;

/// <summary>
/// The pre-hash string of an EPCIS event (CBV 2.0 §8.9): <c>eventType=…</c>, then every standard member present in the
/// canonical property order as <c>name=value</c> (objects and lists as their name followed by what they hold), values
/// normalised, repeated values and list elements sorted; then everything else — ILMD, user extensions, extensions
/// nested in standard members (after their parent's name) — written the same way with names as <c>{namespace}local</c>
/// and sorted. Nothing separates the parts. Absent or empty members add nothing.
/// </summary>
public static class EpcisPreHash
{
    /// <summary>The pre-hash string of <paramref name="eventObject"/>; <paramref name="context"/> names extension namespaces.</summary>
    public static string Of(JsonElement eventObject, EpcisJsonLdContext context)
    {
        if (eventObject.ValueKind != JsonValueKind.Object) throw new ArgumentException("an EPCIS event is a JSON object", nameof(eventObject));
        context = context.With(eventObject);
        var builder = new StringBuilder("eventType=");
        if (eventObject.TryGetProperty("type", out var type) && Text(type) is { } typeName) builder.Append(typeName);
        foreach (var property in EpcisHashPropertyOrder.Event)
            if (eventObject.TryGetProperty(property.Name, out var value)) AppendSorted(builder, Standard(property, value));
        var rest = new List<string>();
        foreach (var member in eventObject.EnumerateObject())
        {
            if (member.Name.StartsWith('@') || EpcisHashPropertyOrder.Excluded.Contains(member.Name)
                || context.ExpandIri(member.Name) == EpcisHashPropertyOrder.CommentIri) continue;
            var property = EpcisHashPropertyOrder.Event.FirstOrDefault(p => p.Name == member.Name);
            rest.AddRange(property is null ? Generic(member.Name, member.Value, context) : Leftover(property, member.Value, context));
        }
        AppendSorted(builder, rest);
        return builder.ToString();
    }

    /// <summary>The strings a standard member contributes in its place in the canonical order.</summary>
    private static IEnumerable<string> Standard(EpcisHashProperty property, JsonElement value)
    {
        switch (property.Shape)
        {
            case EpcisHashShape.Value:
                foreach (var item in Items(value))
                    if (Text(item) is { Length: > 0 } text) yield return $"{property.Name}={Normalise(property, text)}";
                break;
            case EpcisHashShape.Object:
                foreach (var item in Items(value))
                {
                    if (item.ValueKind != JsonValueKind.Object) continue;
                    var body = new StringBuilder();
                    foreach (var child in property.Children!)
                        if (item.TryGetProperty(child.Name, out var childValue)) AppendSorted(body, Standard(child, childValue));
                    if (body.Length > 0) yield return property.Name + body;
                }
                break;
            case EpcisHashShape.List:
                var elements = new StringBuilder();
                AppendSorted(elements, Items(value).SelectMany(item => Standard(property.Element!, item)));
                if (elements.Length > 0) yield return (property.OmitName ? "" : property.Name) + elements;
                break;
        }
    }

    /// <summary>What is left of a standard member once its standard content is written: extensions nested in it.</summary>
    private static IEnumerable<string> Leftover(EpcisHashProperty property, JsonElement value, EpcisJsonLdContext context)
    {
        switch (property.Shape)
        {
            case EpcisHashShape.Value:
                // A value where an object or array of objects stands is not standard content: keep it in the hash anyway.
                foreach (var item in Items(value))
                    if (item.ValueKind == JsonValueKind.Object) foreach (var text in Generic(property.Name, item, context)) yield return text;
                break;
            case EpcisHashShape.Object:
                foreach (var item in Items(value))
                {
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        if (Text(item) is not null) foreach (var text in Generic(property.Name, item, context)) yield return text;
                        continue;
                    }
                    var inner = InnerLeftovers(property, item, context);
                    if (inner.Count > 0) yield return property.Name + Sorted(inner);
                }
                break;
            case EpcisHashShape.List:
                var element = property.Element!;
                var parts = new List<string>();
                foreach (var item in Items(value))
                {
                    if (element.Shape != EpcisHashShape.Object || item.ValueKind != JsonValueKind.Object) continue;
                    var inner = InnerLeftovers(element, item, context);
                    if (inner.Count > 0) parts.Add(element.Name + Sorted(inner));
                }
                if (parts.Count == 0) break;
                if (property.OmitName) foreach (var part in parts) yield return part;
                else yield return property.Name + Sorted(parts);
                break;
        }
    }

    private static List<string> InnerLeftovers(EpcisHashProperty property, JsonElement item, EpcisJsonLdContext context)
    {
        var inner = new List<string>();
        foreach (var member in item.EnumerateObject())
        {
            if (member.Name.StartsWith('@')) continue;
            var child = property.Child(member.Name);
            inner.AddRange(child is null ? Generic(member.Name, member.Value, context) : Leftover(child, member.Value, context));
        }
        return inner;
    }

    /// <summary>A member outside the canonical order: <c>{ns}name=value</c>, or <c>{ns}name</c> followed by its members sorted; an array repeats the name.</summary>
    private static IEnumerable<string> Generic(string name, JsonElement value, EpcisJsonLdContext context)
    {
        var expanded = context.ExpandName(name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    foreach (var text in Generic(name, item, context)) yield return text;
                break;
            case JsonValueKind.Object:
                var inner = new List<string>();
                foreach (var member in value.EnumerateObject())
                    if (!member.Name.StartsWith('@')) inner.AddRange(Generic(member.Name, member.Value, context));
                yield return expanded + Sorted(inner);
                break;
            default:
                yield return Text(value) is { Length: > 0 } scalar ? $"{expanded}={EpcisValue.Canonical(scalar)}" : expanded;
                break;
        }
    }

    private static string Normalise(EpcisHashProperty property, string text) =>
        property.IsTime ? EpcisTimestamp.Normalise(text) : EpcisValue.Canonical(EpcisVocabulary.Expand(text, property.Vocabulary));

    /// <summary>A scalar's text, trimmed: strings as they are, numbers as written, booleans as true/false; null for the rest.</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static IEnumerable<JsonElement> Items(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];

    private static void AppendSorted(StringBuilder builder, IEnumerable<string> parts) => builder.Append(Sorted(parts));

    private static string Sorted(IEnumerable<string> parts)
    {
        var list = parts.Where(p => p.Length > 0).ToList();
        list.Sort(CodePointOrder.Instance);
        return string.Concat(list);
    }
}
