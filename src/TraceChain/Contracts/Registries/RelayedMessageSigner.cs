using System.Numerics;
using Nethereum.ABI.EIP712;
using Trace.Crypto;
using Trace.Crypto.Eip712;

namespace Trace.Chain.Contracts.Registries;

/// <summary>
/// Signs the EIP-712 messages of EvidenceRegistry's relayed actions (Revocation, Supersession, Endorsement, Flag, Unflag)
/// under Trace's domain, which claims share. The async overloads read the signer's current nonce from the registry.
/// </summary>
/// <remarks>Type strings and hashes: docs/contracts.md, "Relayed signatures"; the contract's *_TYPEHASH constants.</remarks>
public sealed class RelayedMessageSigner
{
    private static readonly IReadOnlyDictionary<string, MemberDescription[]> MessageTypes = new Dictionary<string, MemberDescription[]>
    {
        ["Revocation"] = [Member("claimDigest", "bytes32"), Member("reason", "uint16"), Member("nonce", "uint256"), Member("deadline", "uint64")],
        ["Supersession"] = [Member("claimDigest", "bytes32"), Member("newClaimDigest", "bytes32"), Member("nonce", "uint256"), Member("deadline", "uint64")],
        ["Endorsement"] = [Member("claimDigest", "bytes32"), Member("code", "uint16"), Member("nonce", "uint256"), Member("deadline", "uint64")],
        ["Flag"] = [Member("claimDigest", "bytes32"), Member("reason", "uint16"), Member("nonce", "uint256"), Member("deadline", "uint64")],
        ["Unflag"] = [Member("claimDigest", "bytes32"), Member("reason", "uint16"), Member("nonce", "uint256"), Member("deadline", "uint64")],
    };

    private readonly EvidenceRegistryClient? _registry;

    /// <summary>A signer for <paramref name="domain"/>; without <paramref name="registry"/> only the explicit-nonce methods work.</summary>
    public RelayedMessageSigner(Eip712Domain domain, EvidenceRegistryClient? registry = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        Domain = domain;
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
    public static byte[] TypeHash(string messageType) =>
        Keccak256.HashUtf8($"{messageType}({string.Join(",", Fields(messageType).Select(f => $"{f.Type} {f.Name}"))})");

    /// <summary>The EIP-712 digest the signer signs for a message of <paramref name="messageType"/>, hashed by Nethereum's EIP-712 encoder.</summary>
    public byte[] Digest(string messageType, IReadOnlyDictionary<string, object?> message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var fields = Fields(messageType);
        var domainFields = new List<MemberDescription>();
        var domainValues = new List<MemberValue>();
        if (Domain.Name is { } name) AddDomain("name", "string", name);
        if (Domain.Version is { } version) AddDomain("version", "string", version);
        if (Domain.ChainId is { } chainId) AddDomain("chainId", "uint256", chainId);
        if (Domain.VerifyingContract is { } contract) AddDomain("verifyingContract", "address", contract.ToString());
        if (Domain.Salt is { } salt) AddDomain("salt", "bytes32", salt);
        var typed = new TypedDataRaw
        {
            PrimaryType = messageType,
            Types = new Dictionary<string, MemberDescription[]> { ["EIP712Domain"] = [.. domainFields], [messageType] = fields },
            DomainRawValues = [.. domainValues],
            Message = [.. fields.Select(f => new MemberValue { TypeName = f.Type, Value = ToAbiValue(message[f.Name]) })],
        };
        return Keccak256.Hash(Eip712TypedDataEncoder.Current.EncodeTypedDataRaw(typed));

        void AddDomain(string field, string type, object value)
        {
            domainFields.Add(Member(field, type));
            domainValues.Add(new MemberValue { TypeName = type, Value = value });
        }
    }

    private static MemberDescription[] Fields(string messageType) =>
        MessageTypes.TryGetValue(messageType, out var fields) ? fields : throw new ArgumentException($"unknown relayed message type '{messageType}'", nameof(messageType));

    private static MemberDescription Member(string name, string type) => new() { Name = name, Type = type };

    private static object? ToAbiValue(object? value) => value switch
    {
        EthereumAddress address => address.ToString(),
        byte b => new BigInteger(b),
        ushort u16 => new BigInteger(u16),
        int i32 => new BigInteger(i32),
        uint u32 => new BigInteger(u32),
        ulong u64 => new BigInteger(u64),
        long i64 => new BigInteger(i64),
        _ => value,
    };

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
