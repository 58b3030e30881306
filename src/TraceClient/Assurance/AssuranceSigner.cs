using System.Numerics;
using Google.Protobuf;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Protos.V1;

namespace Trace.Client.Assurance;

/// <summary>
/// Builds and signs the requests of AssuranceService with a regulator's or verifier's own key: the EIP-712 Flag, Unflag
/// or Endorsement message of the EvidenceRegistry (domain "Trace"/"1"/chain id/registry), which the node relays and the
/// contract checks, so the node's operator can neither forge nor alter one.
/// </summary>
/// <remarks>
/// The nonce is the signer's EvidenceRegistry.nonces(signer) (one counter shared with revocations); read it with
/// <see cref="EvidenceRegistryClient.NonceOfAsync"/> or use the overloads that take a registry client. Thread-safe.
/// </remarks>
public sealed class AssuranceSigner
{
    private readonly RelayedMessageSigner _messages;
    private readonly TimeProvider _clock;

    /// <summary>A signer for the deployment a node reports in GetNodeInfo (chain_id, contracts["EvidenceRegistry"]).</summary>
    public AssuranceSigner(EthereumKey key, ulong chainId, EthereumAddress registry, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
        _clock = clock ?? TimeProvider.System;
        _messages = new RelayedMessageSigner(EvidenceClaimHasher.Domain(new BigInteger(chainId), registry));
    }

    /// <summary>The signing key; the signer does not dispose it.</summary>
    public EthereumKey Key { get; }

    /// <summary>How long a signed request stays relayable when no deadline is given.</summary>
    public static TimeSpan DefaultValidity { get; } = TimeSpan.FromHours(1);

    /// <summary>A regulator's flag of <paramref name="recordId"/> with <paramref name="reason"/>, signed with <paramref name="nonce"/>.</summary>
    public FlagRecordRequest Flag(string recordId, FlagReason reason, BigInteger nonce, string? note = null, string? uri = null, ulong? deadline = null)
    {
        var signed = _messages.SignFlag(Key, Digest(recordId), Code((int)reason, nameof(reason)), nonce, deadline ?? DefaultDeadline());
        return new FlagRecordRequest
        {
            RecordId = recordId, Reason = reason, Signer = Key.Address.ToString(), Nonce = (ulong)signed.Nonce, Deadline = signed.Deadline,
            Signature = ByteString.CopyFrom(signed.Signature), Note = note ?? "", Uri = uri ?? "",
        };
    }

    /// <summary>A regulator's unflag of <paramref name="recordId"/>, signed with <paramref name="nonce"/>.</summary>
    public UnflagRecordRequest Unflag(string recordId, UnflagReason reason, BigInteger nonce, ulong? deadline = null)
    {
        var signed = _messages.SignUnflag(Key, Digest(recordId), Code((int)reason, nameof(reason)), nonce, deadline ?? DefaultDeadline());
        return new UnflagRecordRequest
        {
            RecordId = recordId, Reason = reason, Signer = Key.Address.ToString(), Nonce = (ulong)signed.Nonce, Deadline = signed.Deadline,
            Signature = ByteString.CopyFrom(signed.Signature),
        };
    }

    /// <summary>A verifier's endorsement of <paramref name="recordId"/>, signed with <paramref name="nonce"/>.</summary>
    public EndorseRecordRequest Endorse(string recordId, EndorsementCode code, BigInteger nonce, ulong? deadline = null)
    {
        var signed = _messages.SignEndorsement(Key, Digest(recordId), Code((int)code, nameof(code)), nonce, deadline ?? DefaultDeadline());
        return new EndorseRecordRequest
        {
            RecordId = recordId, Code = code, Signer = Key.Address.ToString(), Nonce = (ulong)signed.Nonce, Deadline = signed.Deadline,
            Signature = ByteString.CopyFrom(signed.Signature),
        };
    }

    /// <summary><see cref="Flag"/> with the signer's current nonce read from <paramref name="registry"/>.</summary>
    public async Task<FlagRecordRequest> FlagAsync(EvidenceRegistryClient registry, string recordId, FlagReason reason, string? note = null, string? uri = null, CancellationToken ct = default) =>
        Flag(recordId, reason, await NonceAsync(registry, ct).ConfigureAwait(false), note, uri);

    /// <summary><see cref="Unflag"/> with the signer's current nonce read from <paramref name="registry"/>.</summary>
    public async Task<UnflagRecordRequest> UnflagAsync(EvidenceRegistryClient registry, string recordId, UnflagReason reason, CancellationToken ct = default) =>
        Unflag(recordId, reason, await NonceAsync(registry, ct).ConfigureAwait(false));

    /// <summary><see cref="Endorse"/> with the signer's current nonce read from <paramref name="registry"/>.</summary>
    public async Task<EndorseRecordRequest> EndorseAsync(EvidenceRegistryClient registry, string recordId, EndorsementCode code, CancellationToken ct = default) =>
        Endorse(recordId, code, await NonceAsync(registry, ct).ConfigureAwait(false));

    private Task<BigInteger> NonceAsync(EvidenceRegistryClient registry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.NonceOfAsync(Key.Address, ct);
    }

    private ulong DefaultDeadline() => (ulong)_clock.GetUtcNow().Add(DefaultValidity).ToUnixTimeSeconds();

    private static byte[] Digest(string recordId)
    {
        ArgumentNullException.ThrowIfNull(recordId);
        if (!Hex.TryDecode(recordId, out var digest) || digest.Length != 32)
            throw new ArgumentException($"record id '{recordId}' is not 32 bytes of hex", nameof(recordId));
        return digest;
    }

    private static ushort Code(int value, string name) =>
        value is > 0 and <= ushort.MaxValue ? (ushort)value : throw new ArgumentOutOfRangeException(name, value, "set one of the listed values (UNSPECIFIED cannot be signed)");
}
