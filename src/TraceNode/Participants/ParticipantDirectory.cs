using System.Security.Cryptography;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Node.Blobs;
using Trace.Node.Chain;
using Dto = Trace.Chain.Contracts.Dtos.Participants;

namespace Trace.Node.Participants;

/// <summary>
/// The public participant directory, resolved from the ParticipantRegistry on every read (participant, participantKeys,
/// keyInfo, statusHistory, ParticipantRegistered and ParticipantSuspended events) with the identity document from the
/// content store. Only the list of registered ids is remembered between calls (it only grows); the chain is the truth.
/// </summary>
public sealed class ParticipantDirectory(TraceContracts contracts, IBlobStore blobs)
{
    /// <summary>Largest identity document read back (the ones Trace writes are well under 2 KiB).</summary>
    private const int MaxIdentityBytes = 64 * 1024;

    private readonly SemaphoreSlim _scanLock = new(1, 1);
    private readonly List<ParticipantId> _ids = [];
    private readonly HashSet<ParticipantId> _known = [];
    private ulong _scannedThrough;

    private ParticipantRegistryClient Registry => contracts.Participants;

    /// <summary>The participant with <paramref name="id"/>.</summary>
    /// <exception cref="ParticipantNotFoundException">no participant has this id.</exception>
    public async Task<ParticipantView> GetAsync(ParticipantId id, string field, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        await contracts.Ready.WaitAsync(ct).ConfigureAwait(false);
        ParticipantInfo info;
        try
        {
            info = await Registry.ParticipantAsync(id.ToBytes(), ct).ConfigureAwait(false);
        }
        catch (ContractCallException ex) when (ex.ErrorName == "UnknownParticipant")
        {
            throw new ParticipantNotFoundException(field, $"no participant {id} is registered");
        }
        return await ResolveAsync(id, info, ct).ConfigureAwait(false);
    }

    /// <summary>The participant owning <paramref name="key"/> (retired keys included).</summary>
    /// <exception cref="ParticipantNotFoundException">the key was never registered.</exception>
    public async Task<ParticipantView> GetByKeyAsync(EthereumAddress key, string field, CancellationToken ct)
    {
        await contracts.Ready.WaitAsync(ct).ConfigureAwait(false);
        var keyInfo = await Registry.KeyInfoAsync(key, ct).ConfigureAwait(false);
        if (!keyInfo.IsRegistered) throw new ParticipantNotFoundException(field, $"no participant has the key {key}");
        return await GetAsync(ParticipantId.FromBytes(keyInfo.ParticipantId), field, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Participants in registration order from position <paramref name="offset"/>, at most <paramref name="pageSize"/>,
    /// only those currently holding <paramref name="role"/> when it is not None; the next position or null at the end.
    /// </summary>
    public async Task<(IReadOnlyList<ParticipantView> Participants, int? Next)> ListAsync(int offset, int pageSize, ParticipantRoles role, CancellationToken ct)
    {
        await contracts.Ready.WaitAsync(ct).ConfigureAwait(false);
        var ids = await RegisteredIdsAsync(ct).ConfigureAwait(false);
        var page = new List<ParticipantView>(pageSize);
        var position = offset;
        for (; position < ids.Count && page.Count < pageSize; position++)
        {
            var info = await Registry.ParticipantAsync(ids[position].ToBytes(), ct).ConfigureAwait(false);
            if (role != ParticipantRoles.None && (info.Roles & role) == 0) continue;
            page.Add(await ResolveAsync(ids[position], info, ct).ConfigureAwait(false));
        }
        return (page, position < ids.Count ? position : null);
    }

    /// <summary>Every registered id in registration order, from ParticipantRegistered events (scanning only blocks not seen before).</summary>
    public async Task<IReadOnlyList<ParticipantId>> RegisteredIdsAsync(CancellationToken ct)
    {
        await _scanLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var head = await Registry.Contract.Eth.BlockNumberAsync(ct).ConfigureAwait(false);
            var from = _scannedThrough == 0 ? contracts.Deployment.DeployedAtBlock : _scannedThrough + 1;
            if (from <= head)
            {
                var filter = new LogFilter(from, head, [Registry.Address], [ContractDefinition.Topic0<Dto.ParticipantRegisteredEvent>()]);
                await foreach (var (logs, _) in new LogPager(Registry.Contract.Eth).ReadAsync(filter, ct).ConfigureAwait(false))
                {
                    foreach (var log in logs)
                    {
                        if (log.Removed || log.Topics.Count < 2) continue;
                        var id = ParticipantId.FromBytes(log.Topics[1]);
                        if (_known.Add(id)) _ids.Add(id);
                    }
                }
                _scannedThrough = head;
            }
            return [.. _ids];
        }
        finally { _scanLock.Release(); }
    }

    private async Task<ParticipantView> ResolveAsync(ParticipantId id, ParticipantInfo info, CancellationToken ct)
    {
        var idBytes = id.ToBytes();
        var keys = new List<ParticipantKeyView>();
        foreach (var key in await Registry.ParticipantKeysAsync(idBytes, ct).ConfigureAwait(false))
        {
            var keyInfo = await Registry.KeyInfoAsync(key, ct).ConfigureAwait(false);
            keys.Add(new ParticipantKeyView(key, Time(keyInfo.AddedAt), keyInfo.IsRetired ? Time(keyInfo.RetiredAt) : null, keyInfo.RetirementReason));
        }
        var checkpoints = await Registry.StatusHistoryAsync(idBytes, ct).ConfigureAwait(false);
        var suspensions = checkpoints.Any(c => !c.Active) ? await SuspensionReasonsAsync(idBytes, ct).ConfigureAwait(false) : [];
        var history = new List<ParticipantStatusPeriod>(checkpoints.Count);
        for (var i = 0; i < checkpoints.Count; i++)
        {
            var checkpoint = checkpoints[i];
            var startsSuspension = !checkpoint.Active && (i == 0 || checkpoints[i - 1].Active);
            ushort? reason = startsSuspension && suspensions.TryGetValue(checkpoint.Since, out var code) ? code : null;
            history.Add(new ParticipantStatusPeriod(Time(checkpoint.Since), checkpoint.Active, checkpoint.Roles, reason));
        }
        var (state, identity) = ReadIdentity(info.MetadataUri, info.MetadataHash);
        return new ParticipantView(id, info.Active, info.Roles, Time(info.RegisteredAt), keys, history, info.MetadataUri, info.MetadataHash, state, identity);
    }

    // ParticipantSuspended(id, reason, by, effectiveAt) by effectiveAt: the reason code is only in the event.
    private async Task<Dictionary<ulong, ushort>> SuspensionReasonsAsync(byte[] id, CancellationToken ct)
    {
        var head = await Registry.Contract.Eth.BlockNumberAsync(ct).ConfigureAwait(false);
        var filter = new LogFilter(contracts.Deployment.DeployedAtBlock, head, [Registry.Address],
            [ContractDefinition.Topic0<Dto.ParticipantSuspendedEvent>(), id]);
        var reasons = new Dictionary<ulong, ushort>();
        await foreach (var (logs, _) in new LogPager(Registry.Contract.Eth).ReadAsync(filter, ct).ConfigureAwait(false))
        {
            foreach (var contractEvent in Registry.Contract.DecodeEvents(logs.Where(l => !l.Removed)))
            {
                if (contractEvent.Dto is Dto.ParticipantSuspendedEvent suspended) reasons[suspended.EffectiveAt] = suspended.Reason;
            }
        }
        return reasons;
    }

    private (IdentityDocumentState, IdentityDocument?) ReadIdentity(string uri, byte[] metadataHash)
    {
        if (IdentityDocumentUri.TryParse(uri) is not { } sha256) return (IdentityDocumentState.External, null);
        if (!sha256.AsSpan().SequenceEqual(metadataHash)) return (IdentityDocumentState.Invalid, null);
        var length = blobs.GetLength(sha256);
        if (length is null) return (IdentityDocumentState.Missing, null);
        if (length > MaxIdentityBytes) return (IdentityDocumentState.Invalid, null);
        byte[] content;
        try
        {
            using var stream = blobs.OpenRead(sha256);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            content = buffer.ToArray();
        }
        catch (BlobNotFoundException) { return (IdentityDocumentState.Missing, null); }
        if (!SHA256.HashData(content).AsSpan().SequenceEqual(metadataHash)) return (IdentityDocumentState.Invalid, null);
        return IdentityDocument.TryParse(content) is { } document ? (IdentityDocumentState.Verified, document) : (IdentityDocumentState.Invalid, null);
    }

    private static DateTimeOffset Time(ulong unixSeconds) => DateTimeOffset.FromUnixTimeSeconds((long)unixSeconds);
}
