using System.Text.RegularExpressions;
using Trace.Domain;
using Trace.Node.Storage;

namespace Trace.Node.Carbon.Factors;

/// <summary>Answers "which factor sets, with which rows, anchored how far" for the API, from the provider and the index.</summary>
public sealed partial class TransportFactorQueries(TransportFactorProvider provider, TraceStore store)
{
    /// <summary>The set <paramref name="version"/> (the active one when null or empty).</summary>
    /// <exception cref="InvalidFieldException">a malformed version (field <c>version</c>).</exception>
    /// <exception cref="FactorSetNotFoundException">this node never used that version.</exception>
    public async Task<FactorSetDescription> DescribeAsync(string? version, CancellationToken cancellationToken)
    {
        TransportFactorSet set;
        if (string.IsNullOrEmpty(version))
        {
            set = provider.Active;
        }
        else
        {
            if (version.Length > TransportFactorSetJson.MaxVersionLength)
                throw new InvalidFieldException("version", $"longer than {TransportFactorSetJson.MaxVersionLength} characters");
            if (!VersionPattern().IsMatch(version))
                throw new InvalidFieldException("version", "letters, digits, '.', '_' and '-' only, starting with a letter or digit");
            set = provider.Find(version) ?? throw new FactorSetNotFoundException(version);
        }
        var isActive = set.Version == provider.Active.Version;
        var stored = (await store.GetFactorSetsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Version == set.Version);
        if (set.RecordId is null)
        {
            var reason = isActive ? provider.NotAnchoredReason ?? "the set is being submitted" : "this version was never submitted as a record";
            return new FactorSetDescription(set, isActive, FactorSetAnchoringState.NotAnchored, reason, null, stored?.FirstActivatedAt);
        }
        var record = await store.GetRecordAsync(set.RecordId, cancellationToken).ConfigureAwait(false);
        if (record is null)
            return new FactorSetDescription(set, isActive, FactorSetAnchoringState.NotAnchored, $"record {set.RecordId} is not in this node's index", null, stored?.FirstActivatedAt);
        var anchoring = record.Revocation is not null ? FactorSetAnchoringState.Withdrawn : record.Status switch
        {
            RecordStatus.Confirmed => FactorSetAnchoringState.Confirmed,
            RecordStatus.Anchored => FactorSetAnchoringState.Anchored,
            _ => FactorSetAnchoringState.Pending,
        };
        return new FactorSetDescription(set, isActive, anchoring, null, record.Status, stored?.FirstActivatedAt);
    }

    /// <summary>Every version this node has used, by version label (ordinal), with its activation time.</summary>
    public async Task<IReadOnlyList<(TransportFactorSet Set, bool IsActive, DateTimeOffset? FirstActivatedAt)>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = (await store.GetFactorSetsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Version, StringComparer.Ordinal);
        var active = provider.Active.Version;
        return [.. provider.Known.Select(s => (s, s.Version == active, stored.TryGetValue(s.Version, out var row) ? row.FirstActivatedAt : (DateTimeOffset?)null))];
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex VersionPattern();
}
