using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trace.Protos.V1;

namespace Trace.Cli.Demo;

/// <summary>
/// docs/examples/steel-scenario as shipped inside the binary: its participants, steps (issuer, kind, subject, record
/// file or document), the correction and the revocation, with the record files' placeholders filled at submission.
/// </summary>
internal sealed partial class SteelScenario
{
    private readonly JsonElement _manifest;
    private readonly Dictionary<string, string> _subjects = new(StringComparer.Ordinal);

    private SteelScenario(JsonElement manifest, string? tag)
    {
        _manifest = manifest;
        foreach (var step in Steps.Append(Correction))
        {
            var subject = step.GetProperty("subjectId").GetString()!;
            _subjects[subject] = tag is null ? subject : Retag(subject, tag);
        }
    }

    /// <summary>The scenario; with <paramref name="tag"/> every batch, transformation and shipment id gets a run suffix, so it can be replayed on a node that has it already.</summary>
    public static SteelScenario Load(string? tag) => new(JsonDocument.Parse(Resource("scenario.json")).RootElement.Clone(), tag);

    /// <summary>Participant name → role ("supplier", "carrier", "verifier").</summary>
    public IEnumerable<(string Name, string Role)> Participants =>
        _manifest.GetProperty("participants").EnumerateObject().Select(p => (p.Name, p.Value.GetString()!));

    public IEnumerable<JsonElement> Steps => _manifest.GetProperty("steps").EnumerateArray();

    public JsonElement Correction => _manifest.GetProperty("correction");

    /// <summary>(issuer, step) of the record the scenario revokes.</summary>
    public (string Issuer, string Step) Revocation => (_manifest.GetProperty("revocation").GetProperty("issuer").GetString()!,
        _manifest.GetProperty("revocation").GetProperty("record").GetString()!);

    /// <summary>The subject id of a step as submitted (retagged when the scenario runs again).</summary>
    public string Subject(JsonElement step) => _subjects[step.GetProperty("subjectId").GetString()!];

    public static RecordKind Kind(JsonElement step) => (RecordKind)step.GetProperty("kind").GetInt32();

    /// <summary>A step's record JSON (or document bytes), ids retagged and placeholders filled.</summary>
    public string Text(string file, Func<string, string> participant, Func<string, string> record)
    {
        var text = Resource(Path.GetFileName(file));
        foreach (var (original, tagged) in _subjects.OrderByDescending(p => p.Key.Length)) text = text.Replace(original, tagged, StringComparison.Ordinal);
        return Placeholder().Replace(text, m => m.Groups[1].Value == "participant" ? participant(m.Groups[2].Value) : record(m.Groups[2].Value));
    }

    /// <summary>The batch id of the scenario's end product (the door panels), as submitted.</summary>
    public string DoorPanels => _subjects["https://id.gs1.org/01/04012345000016/10/DP-2612-001"];

    /// <summary>A fresh run tag: 4 characters, digits and capitals.</summary>
    public static string NewTag() => string.Concat(RandomNumberGenerator.GetItems("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".AsSpan(), 4));

    // Each identifier scheme takes the tag where it stays valid: a GS1 lot, an EPC lot, an SSCC's serial reference digits, a URN's last part.
    private static string Retag(string id, string tag)
    {
        if (id.StartsWith("urn:epc:id:sscc:", StringComparison.Ordinal))
        {
            var dot = id.LastIndexOf('.');
            var serial = id[(dot + 1)..];
            var digits = string.Concat(tag.Select(c => (char)('0' + (c % 10))));
            return id[..(dot + 1)] + serial[..^digits.Length] + digits;
        }
        if (id.Contains("/10/", StringComparison.Ordinal)) return id + "-" + tag;
        if (id.StartsWith("urn:epc:class:lgtin:", StringComparison.Ordinal)) return id + tag;
        return id + ":" + tag;
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("steel-scenario/" + name)
            ?? throw new InvalidOperationException($"the demo scenario file {name} is not in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{(participant|record):([A-Za-z0-9-]+)\}\}")]
    private static partial Regex Placeholder();
}
