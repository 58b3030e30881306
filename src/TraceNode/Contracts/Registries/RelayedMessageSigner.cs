using System.Numerics;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Node.Evm.Eip712;

namespace Trace.Node.Contracts.Registries;

/// <summary>
/// Signs the EIP-712 messages of EvidenceRegistry's relayed actions (Revocation, Supersession, Endorsement, Flag, Unflag)
/// under Trace's domain, which claims share. The async overloads read the signer's current nonce from the registry.
/// </summary>
/// <remarks>Type strings and hashes: docs/contracts.md, "Relayed signatures"; the contract's *_TYPEHASH constants.</remarks>
public sealed class RelayedMessageSigner
{
    private static readonly TypedDataEncoder Encoder = new(new Dictionary<string, IReadOnlyList<TypedDataField>>
    {
        ["Revocation"] = [new("claimDigest", "bytes32"), new("reason", "uint16"), new("nonce", "uint256"), new("deadline", "uint64")],
        ["Supersession"] = [new("claimDigest", "bytes32"), new("newClaimDigest", "bytes32"), new("nonce", "uint256"), new("deadline", "uint64")],
        ["Endorsement"] = [new("claimDigest", "bytes32"), new("code", "uint16"), new("nonce", "uint256"), new("deadline", "uint64")],
        ["Flag"] = [new("claimDigest", "bytes32"), new("reason", "uint16"), new("nonce", "uint256"), new("deadline", "uint64")],
        ["Unflag"] = [new("claimDigest", "bytes32"), new("reason", "uint16"), new("nonce", "uint256"), new("deadline", "uint64")],
    });

    private readonly byte[] _domainSeparator;
    private readonly EvidenceRegistryClient? _registry;

    /// <summary>A signer for <paramref name="domain"/>; without <paramref name="registry"/> only the explicit-nonce methods work.</summary>
    public RelayedMessageSigner(Eip712Domain domain, EvidenceRegistryClient? registry = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        Domain = domain;
        _domainSeparator = domain.Separator();
        _registry = registry;
    }

    /// <summary>The domain signed under: name "Trace", version "1", the chain id, the EvidenceRegistry address.</summary>
    public Eip712Domain Domain { get; }

    /// <summary>A signer for the registry's own domain (chain id read from its node) that takes nonces from the registry.</summary>
    public static async Task<RelayedMessageSigner> ForRegistryAsync(EvidenceRegistryClient registry, CancellationToken ct = default)
    {
        var chainId = await registry.Contract.Eth.ChainIdAsync(ct).ConfigureAwait(false);
        return new RelayedMessageSigner(EvidenceClaimHasher.Domain(chainId, registry.Address), registry);
    }

    /// <summary>The type hash of a message type ("Revocation", "Supersession", "Endorsement", "Flag", "Unflag").</summary>
    public static byte[] TypeHash(string messageType) => Encoder.TypeHash(messageType);

    /// <summary>The EIP-712 digest the signer signs for a message of <paramref name="messageType"/>.</summary>
    public byte[] Digest(string messageType, IReadOnlyDictionary<string, object?> message) =>
        TypedDataEncoder.Digest(_domainSeparator, Encoder.HashStruct(messageType, message));

    public RelayedSignature SignRevocation(EthereumKey key, byte[] claimDigest, ushort reason, BigInteger nonce, ulong deadline) =>
        Sign(key, "Revocation", claimDigest, "reason", reason, nonce, deadline);

    public RelayedSignature SignSupersession(EthereumKey key, byte[] claimDigest, byte[] newClaimDigest, BigInteger nonce, ulong deadline) =>
        Sign(key, "Supersession", claimDigest, "newClaimDigest", newClaimDigest, nonce, deadline);

    public RelayedSignature SignEndorsement(EthereumKey key, byte[] claimDigest, ushort code, BigInteger nonce, ulong deadline) =>
        Sign(key, "Endorsement", claimDigest, "code", code, nonce, deadline);

    public RelayedSignature SignFlag(EthereumKey key, byte[] claimDigest, ushort reason, BigInteger nonce, ulong deadline) =>
        Sign(key, "Flag", claimDigest, "reason", reason, nonce, deadline);

    public RelayedSignature SignUnflag(EthereumKey key, byte[] claimDigest, ushort reason, BigInteger nonce, ulong deadline) =>
        Sign(key, "Unflag", claimDigest, "reason", reason, nonce, deadline);

    /// <summary>Signs a Revocation with the key's current registry nonce.</summary>
    public async Task<RelayedSignature> SignRevocationAsync(EthereumKey key, byte[] claimDigest, ushort reason, ulong deadline, CancellationToken ct = default) =>
        SignRevocation(key, claimDigest, reason, await NextNonceAsync(key, ct).ConfigureAwait(false), deadline);

    /// <summary>Signs a Supersession with the key's current registry nonce.</summary>
    public async Task<RelayedSignature> SignSupersessionAsync(EthereumKey key, byte[] claimDigest, byte[] newClaimDigest, ulong deadline, CancellationToken ct = default) =>
        SignSupersession(key, claimDigest, newClaimDigest, await NextNonceAsync(key, ct).ConfigureAwait(false), deadline);

    /// <summary>Signs an Endorsement with the key's current registry nonce.</summary>
    public async Task<RelayedSignature> SignEndorsementAsync(EthereumKey key, byte[] claimDigest, ushort code, ulong deadline, CancellationToken ct = default) =>
        SignEndorsement(key, claimDigest, code, await NextNonceAsync(key, ct).ConfigureAwait(false), deadline);

    /// <summary>Signs a Flag with the key's current registry nonce.</summary>
    public async Task<RelayedSignature> SignFlagAsync(EthereumKey key, byte[] claimDigest, ushort reason, ulong deadline, CancellationToken ct = default) =>
        SignFlag(key, claimDigest, reason, await NextNonceAsync(key, ct).ConfigureAwait(false), deadline);

    /// <summary>Signs an Unflag with the key's current registry nonce.</summary>
    public async Task<RelayedSignature> SignUnflagAsync(EthereumKey key, byte[] claimDigest, ushort reason, ulong deadline, CancellationToken ct = default) =>
        SignUnflag(key, claimDigest, reason, await NextNonceAsync(key, ct).ConfigureAwait(false), deadline);

    private RelayedSignature Sign(EthereumKey key, string messageType, byte[] claimDigest, string field, object value, BigInteger nonce, ulong deadline)
    {
        ArgumentNullException.ThrowIfNull(key);
        var message = new Dictionary<string, object?>
        {
            ["claimDigest"] = claimDigest,
            [field] = value,
            ["nonce"] = nonce,
            ["deadline"] = deadline,
        };
        var signature = key.Sign(Digest(messageType, message));
        return new RelayedSignature(key.Address, nonce, deadline, signature.ToBytes65());
    }

    private Task<BigInteger> NextNonceAsync(EthereumKey key, CancellationToken ct) =>
        (_registry ?? throw new InvalidOperationException("this signer has no registry to read nonces from; pass the nonce explicitly"))
            .NonceOfAsync(key.Address, ct);
}
