using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Trace.Node.Carbon.Factors;

/// <summary>
/// The active transport factor set (the operator's file, else the set shipped with Trace) and every earlier set this
/// node used, so a footprint computed with an older version can still name and show it. The active set is read and
/// validated when the provider is built; earlier sets and record ids come from the index at start-up
/// (<see cref="TransportFactorSetStartup"/>).
/// </summary>
public sealed class TransportFactorProvider : ITransportFactorProvider
{
    /// <summary>The version of the set shipped with Trace.</summary>
    public const string ShippedVersion = "trace-transport-factors-2026.1";

    private const string ShippedResource = "Trace.Node.Carbon.Factors.Data.trace-transport-factors-2026.1.json";

    private readonly ConcurrentDictionary<string, TransportFactorSet> _known = new(StringComparer.Ordinal);
    private volatile TransportFactorSet _active;

    /// <summary>Loads the operator's set when <see cref="CarbonFactorOptions.TransportFactorsPath"/> is set, else the shipped one.</summary>
    /// <exception cref="TransportFactorSetException">the file is missing or malformed (names the file and row).</exception>
    public TransportFactorProvider(IOptions<CarbonFactorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.TransportFactorsPath;
        _active = string.IsNullOrWhiteSpace(path) ? LoadShipped() : LoadFile(path);
        ActiveSource = string.IsNullOrWhiteSpace(path) ? "shipped with Trace" : Path.GetFullPath(path);
        _known[_active.Version] = _active;
    }

    /// <inheritdoc />
    public TransportFactorSet Active => _active;

    /// <summary>Where the active set was read from: a full file path, or "shipped with Trace".</summary>
    public string ActiveSource { get; }

    /// <summary>Why the active set has no record id yet (no signing key, issuer not registered, still submitting), or null once anchored.</summary>
    public string? NotAnchoredReason { get; private set; } = "the set is being submitted";

    /// <inheritdoc />
    public TransportFactorSet? Find(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _known.TryGetValue(version, out var set) ? set : null;
    }

    /// <summary>Every version this node has used, oldest label first (ordinal).</summary>
    public IReadOnlyList<TransportFactorSet> Known => [.. _known.Values.OrderBy(s => s.Version, StringComparer.Ordinal)];

    /// <summary>The set shipped with Trace (an embedded resource of this assembly).</summary>
    public static TransportFactorSet LoadShipped()
    {
        using var stream = typeof(TransportFactorProvider).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"the shipped transport factor set {ShippedResource} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return TransportFactorSetJson.Read(reader.ReadToEnd(), "shipped with Trace");
    }

    /// <summary>Reads and validates the set in <paramref name="path"/>.</summary>
    /// <exception cref="TransportFactorSetException">the file is missing, unreadable or malformed.</exception>
    public static TransportFactorSet LoadFile(string path)
    {
        var full = Path.GetFullPath(path);
        string json;
        try
        {
            json = File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TransportFactorSetException(full, "$", $"cannot be read (Trace:Carbon:TransportFactorsPath): {ex.Message}");
        }
        return TransportFactorSetJson.Read(json, full);
    }

    /// <summary>Adds a set this node used before (from the index), keeping the active one as it is.</summary>
    internal void Remember(TransportFactorSet set)
    {
        if (set.Version == _active.Version)
        {
            if (set.RecordId is not null) MarkAnchored(set.RecordId);
            return;
        }
        _known[set.Version] = set;
    }

    /// <summary>The active set was submitted as record <paramref name="recordId"/>.</summary>
    internal void MarkAnchored(string recordId)
    {
        _active = _active with { RecordId = recordId };
        _known[_active.Version] = _active;
        NotAnchoredReason = null;
    }

    /// <summary>The active set cannot be anchored now, for <paramref name="reason"/>.</summary>
    internal void MarkNotAnchored(string reason) => NotAnchoredReason = reason;
}
