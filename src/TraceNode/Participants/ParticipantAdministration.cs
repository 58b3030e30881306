using System.Security.Cryptography;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Blobs;
using Trace.Node.Chain;

namespace Trace.Node.Participants;

/// <summary>
/// Onboarding: checks an admin request, stores identity documents as content, and sends the ParticipantRegistry
/// transaction with the node's admin key (Chain:AdminKey). Registry reverts surface as <see cref="ContractCallException"/>
/// (see <see cref="RegistryErrors"/>); the answer is the participant re-read from the chain.
/// </summary>
public sealed class ParticipantAdministration(TraceContracts contracts, ParticipantDirectory directory, IBlobStore blobs)
{
    /// <summary>Most keys accepted in one registration.</summary>
    public const int MaxKeys = 16;

    // One admin transaction at a time: one sender, one nonce sequence, and each answer reads the state it produced.
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>Registers the organisation <paramref name="identity"/> with <paramref name="roles"/> and <paramref name="keys"/>.</summary>
    public async Task<ParticipantChange> RegisterAsync(IdentityDocument identity, ParticipantRoles roles, IReadOnlyList<EthereumAddress> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(keys);
        RequireRoles(roles, "roles");
        if (keys.Count == 0) throw new InvalidFieldException("keys", "at least one signing key (address) is required");
        if (keys.Count > MaxKeys) throw new InvalidFieldException("keys", $"at most {MaxKeys} keys per registration, got {keys.Count}");
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] == EthereumAddress.Zero) throw new InvalidFieldException($"keys[{i}]", "the zero address cannot be a key");
            if (keys.Take(i).Contains(keys[i])) throw new InvalidFieldException($"keys[{i}]", $"{keys[i]} is given twice");
        }
        var id = identity.DeriveParticipantId();
        var admin = await AdminAsync(ct).ConfigureAwait(false);
        var (uri, hash) = await StoreAsync(identity, ct).ConfigureAwait(false);
        return await SendAsync(id, () => admin.RegisterParticipantAsync(id.ToBytes(), uri, hash, roles, keys, ct), ct).ConfigureAwait(false);
    }

    /// <summary>Replaces the identity document of <paramref name="id"/>; the document must derive the same id.</summary>
    public async Task<ParticipantChange> UpdateIdentityAsync(ParticipantId id, IdentityDocument identity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(identity);
        if (!DerivesFrom(identity, id) && IsTraceId(id))
            throw new InvalidFieldException(identity.Lei is not null ? "identity.lei" : "identity.gln", $"derives {identity.DeriveParticipantId()}, not {id}: the id cannot change");
        var admin = await AdminAsync(ct).ConfigureAwait(false);
        var (uri, hash) = await StoreAsync(identity, ct).ConfigureAwait(false);
        return await SendAsync(id, () => admin.UpdateMetadataAsync(id.ToBytes(), uri, hash, ct), ct).ConfigureAwait(false);
    }

    /// <summary>Adds <paramref name="key"/> to <paramref name="id"/>.</summary>
    public async Task<ParticipantChange> AddKeyAsync(ParticipantId id, EthereumAddress key, CancellationToken ct)
    {
        if (key == EthereumAddress.Zero) throw new InvalidFieldException("key", "the zero address cannot be a key");
        var admin = await AdminAsync(ct).ConfigureAwait(false);
        return await SendAsync(id, () => admin.AddKeyAsync(id.ToBytes(), key, ct), ct).ConfigureAwait(false);
    }

    /// <summary>Retires <paramref name="key"/> for good.</summary>
    public async Task<ParticipantChange> RetireKeyAsync(EthereumAddress key, KeyRetirementReason reason, CancellationToken ct)
    {
        if (reason is not (KeyRetirementReason.Retired or KeyRetirementReason.Compromised))
            throw new InvalidFieldException("reason", "say why the key is retired: RETIRED (rotation) or COMPROMISED");
        var admin = await AdminAsync(ct).ConfigureAwait(false);
        // The registry knows the owner; read it first so the answer can show the participant (and an unknown key is NOT_FOUND by name).
        var owner = await admin.KeyInfoAsync(key, ct).ConfigureAwait(false);
        if (!owner.IsRegistered) throw new ParticipantNotFoundException("key", $"UnknownKey: {key} was never registered with any participant");
        var id = ParticipantId.FromBytes(owner.ParticipantId);
        return await SendAsync(id, () => admin.RetireKeyAsync(key, reason, ct), ct).ConfigureAwait(false);
    }

    /// <summary>Grants <paramref name="roles"/> to <paramref name="id"/>.</summary>
    public async Task<ParticipantChange> GrantRolesAsync(ParticipantId id, ParticipantRoles roles, CancellationToken ct)
    {
        RequireRoles(roles, "roles");
        var admin = await AdminAsync(ct).ConfigureAwait(false);
        return await SendAsync(id, () => admin.GrantRolesAsync(id.ToBytes(), roles, ct), ct).ConfigureAwait(false);
    }

    /// <summary>Revokes <paramref name="roles"/> from <paramref name="id"/>.</summary>
    public async Task<ParticipantChange> RevokeRolesAsync(ParticipantId id, ParticipantRoles roles, CancellationToken ct)
    {
        RequireRoles(roles, "roles");
        var admin = await AdminAsync(ct).ConfigureAwait(false);
        return await SendAsync(id, () => admin.RevokeRolesAsync(id.ToBytes(), roles, ct), ct).ConfigureAwait(false);
    }

    /// <summary>Suspends <paramref name="id"/> with the off-chain <paramref name="reasonCode"/> (1 or more).</summary>
    public async Task<ParticipantChange> SuspendAsync(ParticipantId id, ushort reasonCode, CancellationToken ct)
    {
        if (reasonCode == 0) throw new InvalidFieldException("reason", "say why the participant is suspended (ADMINISTRATIVE, COMPLIANCE, SECURITY or REQUESTED)");
        var admin = await AdminAsync(ct).ConfigureAwait(false);
        return await SendAsync(id, () => admin.SuspendParticipantAsync(id.ToBytes(), reasonCode, ct), ct).ConfigureAwait(false);
    }

    /// <summary>Ends the suspension of <paramref name="id"/>.</summary>
    public async Task<ParticipantChange> ReactivateAsync(ParticipantId id, CancellationToken ct)
    {
        var admin = await AdminAsync(ct).ConfigureAwait(false);
        return await SendAsync(id, () => admin.ReactivateParticipantAsync(id.ToBytes(), ct), ct).ConfigureAwait(false);
    }

    private async Task<ParticipantRegistryClient> AdminAsync(CancellationToken ct)
    {
        await contracts.Ready.WaitAsync(ct).ConfigureAwait(false);
        return contracts.AdminParticipants ?? throw new AdminKeyUnavailableException();
    }

    private async Task<ParticipantChange> SendAsync(ParticipantId id, Func<Task<ContractReceipt>> send, CancellationToken ct)
    {
        ContractReceipt receipt;
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try { receipt = await send().ConfigureAwait(false); }
        finally { _sendLock.Release(); }
        var participant = await directory.GetAsync(id, "participant_id", ct).ConfigureAwait(false);
        return new ParticipantChange(participant, receipt.Receipt.TransactionHash, receipt.Receipt.BlockNumber);
    }

    // The document is content like any other: stored under its SHA-256, which is what the chain commits to.
    private async Task<(string Uri, byte[] Hash)> StoreAsync(IdentityDocument identity, CancellationToken ct)
    {
        var json = identity.ToCanonicalJson();
        var hash = SHA256.HashData(json);
        await blobs.PutAsync(json, hash, ct).ConfigureAwait(false);
        return (IdentityDocumentUri.For(hash), hash);
    }

    private static bool IsTraceId(ParticipantId id) => !id.ToString().StartsWith("0x", StringComparison.Ordinal);

    private static bool DerivesFrom(IdentityDocument identity, ParticipantId id) =>
        (identity.Lei is not null && ParticipantId.FromLei(identity.Lei, "identity.lei").Equals(id))
        || (identity.Gln is not null && ParticipantId.FromGln(identity.Gln, "identity.gln").Equals(id));

    private static void RequireRoles(ParticipantRoles roles, string field)
    {
        if (roles == ParticipantRoles.None) throw new InvalidFieldException(field, "at least one role is required");
    }
}
