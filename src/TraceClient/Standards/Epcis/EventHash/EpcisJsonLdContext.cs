using System.Text.Json;

namespace Trace.Client.Standards.Epcis.EventHash;

/// <summary>
/// The namespace prefixes an EPCIS JSON-LD document declares inline in its <c>@context</c>, used to write user extension
/// names as <c>{namespace}localName</c> the way the GS1 event hash does. Remote contexts are never fetched: the prefixes
/// the EPCIS 2.0 context defines that extensions use (<c>cbvmda</c>, <c>gs1</c>, <c>cbv</c>, <c>epcis</c>, <c>rdfs</c>…) are
/// built in, and a document's own declaration of a prefix wins.
/// </summary>
public sealed class EpcisJsonLdContext
{
    private static readonly Dictionary<string, string> Standard = new(StringComparer.Ordinal)
    {
        // The XML namespace of CBV master data attributes, as the reference writes it when a document does not redeclare it.
        ["cbvmda"] = "urn:epcglobal:cbv:mda",
        ["gs1"] = "https://gs1.org/voc/",
        ["cbv"] = "https://ref.gs1.org/cbv/",
        ["epcis"] = "https://ref.gs1.org/epcis/",
        ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["owl"] = "http://www.w3.org/2002/07/owl#",
        ["dcterms"] = "http://purl.org/dc/terms/",
    };

    private readonly Dictionary<string, string> _prefixes;

    private EpcisJsonLdContext(Dictionary<string, string> prefixes) => _prefixes = prefixes;

    /// <summary>Only the built-in prefixes.</summary>
    public static EpcisJsonLdContext Default { get; } = new(new Dictionary<string, string>(Standard, StringComparer.Ordinal));

    /// <summary>The prefixes of <paramref name="holder"/>'s <c>@context</c> (a document or an event), over this context's.</summary>
    public EpcisJsonLdContext With(JsonElement holder)
    {
        if (holder.ValueKind != JsonValueKind.Object || !holder.TryGetProperty("@context", out var context)) return this;
        var prefixes = new Dictionary<string, string>(_prefixes, StringComparer.Ordinal);
        Read(context, prefixes);
        return new EpcisJsonLdContext(prefixes);
    }

    /// <summary>The document's context: <see cref="Default"/> plus the document's inline prefixes.</summary>
    public static EpcisJsonLdContext Of(JsonElement document) => Default.With(document);

    /// <summary>
    /// A member name as the hash writes it: <c>prefix:local</c> with a known prefix → <c>{namespace}local</c>; an absolute
    /// IRI → <c>{namespace}local</c> split after its last '/' or '#'; anything else unchanged.
    /// </summary>
    public string ExpandName(string name)
    {
        var colon = name.IndexOf(':');
        if (colon <= 0) return name;
        if (name.AsSpan(colon).StartsWith("://"))
        {
            var split = name.LastIndexOfAny(['/', '#']);
            return split > colon + 2 && split < name.Length - 1 ? $"{{{name[..(split + 1)]}}}{name[(split + 1)..]}" : name;
        }
        return _prefixes.TryGetValue(name[..colon], out var ns) ? $"{{{ns}}}{name[(colon + 1)..]}" : name;
    }

    /// <summary>The full IRI <paramref name="name"/> stands for, or the name itself when its prefix is unknown.</summary>
    public string ExpandIri(string name)
    {
        var colon = name.IndexOf(':');
        return colon > 0 && _prefixes.TryGetValue(name[..colon], out var ns) ? ns + name[(colon + 1)..] : name;
    }

    private static void Read(JsonElement context, Dictionary<string, string> prefixes)
    {
        switch (context.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in context.EnumerateArray()) Read(item, prefixes);
                break;
            case JsonValueKind.Object:
                foreach (var term in context.EnumerateObject())
                {
                    if (term.Name.StartsWith('@')) continue;
                    if (term.Value.ValueKind == JsonValueKind.String) prefixes[term.Name] = term.Value.GetString()!;
                    else if (term.Value.ValueKind == JsonValueKind.Object && term.Value.TryGetProperty("@id", out var id)
                             && id.ValueKind == JsonValueKind.String) prefixes[term.Name] = id.GetString()!;
                }
                break;
        }
    }
}
