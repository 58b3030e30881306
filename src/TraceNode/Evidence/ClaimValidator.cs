using System.Numerics;
using System.Text;
using Microsoft.Extensions.Options;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Domain;
using Trace.Node.Chain;

namespace Trace.Node.Evidence;

/// <summary>
/// Checks a submitted claim the way a verifier later will: every field well-formed, the subject
/// hash matching the readable identifier, the EIP-712 signature recovering the issuer, and the
/// issuer authorised on-chain right now. Errors name the proto field.
/// </summary>
public sealed class ClaimValidator(TraceContracts contracts, ChainConnection chain, IssuerDirectory issuers, IOptions<EvidenceOptions> options, TimeProvider clock)
{
    private const string ClaimField = "signed_claim.claim";

    // The separator is the same for every claim of a deployment: hashed once, not once per record (one reference,
    // swapped whole, so concurrent callers never see a registry paired with another's separator).
    private sealed record KnownSeparator(EthereumAddress Registry, byte[] Separator);

    private KnownSeparator? _separator;

    private byte[] DomainSeparator(EthereumAddress registry)
    {
        if (Volatile.Read(ref _separator) is { } known && known.Registry == registry) return known.Separator;
        var separator = EvidenceClaimHasher.Domain(new BigInteger(chain.ChainId), registry).Separator();
        Volatile.Write(ref _separator, new KnownSeparator(registry, separator));
        return separator;
    }

    public async Task<ValidatedClaim> ValidateAsync(SubmittedClaim input, CancellationToken ct)
    {
        var claim = ParseFields(input);
        var registry = contracts.Deployment.EvidenceRegistry;
        var digest = new byte[32];
        EvidenceClaimHasher.Digest(DomainSeparator(registry), claim, digest);
        VerifySignature(input.Signature, digest, claim, chain.ChainId, registry, contracts.Deployment.ParticipantRegistry);

        var standing = await issuers.GetStandingAsync(claim.Issuer, ct).ConfigureAwait(false);
        if (standing != KeyStanding.Authorised)
            throw new IssuerNotPermittedException(claim.Issuer, standing switch
            {
                KeyStanding.UnknownKey => "unknown issuer: the key is not registered with any participant",
                KeyStanding.KeyRetired => "the signing key is retired",
                KeyStanding.ParticipantSuspended => "the participant is suspended",
                _ => "the participant holds no role that may issue evidence (supplier, carrier, verifier)",
            });
        return new ValidatedClaim(claim, digest, input.Signature, input.SubjectId);
    }

    private EvidenceClaimData ParseFields(SubmittedClaim input)
    {
        var limits = options.Value;
        Require32(input.ContentHash, $"{ClaimField}.content_hash");
        Require32(input.Subject, $"{ClaimField}.subject");
        Require32(input.Nonce, $"{ClaimField}.nonce");
        if (input.Kind == 0 || !RecordKinds.IsDefined(input.Kind))
            throw new InvalidFieldException($"{ClaimField}.kind", $"unknown record kind {input.Kind}");
        if (!EthereumAddress.TryParse(input.Issuer, out var issuer))
            throw new InvalidFieldException($"{ClaimField}.issuer", $"'{Truncate(input.Issuer)}' is not an address (0x + 40 hex digits, EIP-55 checksum when mixed case)");
        if (input.IssuedAt == 0)
            throw new InvalidFieldException($"{ClaimField}.issued_at", "issue time is missing (Unix seconds)");
        var latest = clock.GetUtcNow() + limits.MaxClockSkew;
        if (input.IssuedAt > (ulong)latest.ToUnixTimeSeconds())
            throw new InvalidFieldException($"{ClaimField}.issued_at", $"issue time {input.IssuedAt} lies in the future");
        if (string.IsNullOrWhiteSpace(input.SubjectId))
            throw new InvalidFieldException("subject_id", "the readable subject identifier is missing");
        if (input.SubjectId.Length > limits.MaxSubjectIdLength)
            throw new InvalidFieldException("subject_id", $"longer than {limits.MaxSubjectIdLength} characters");
        if (!Keccak256.HashUtf8(input.SubjectId).AsSpan().SequenceEqual(input.Subject))
            throw new InvalidFieldException($"{ClaimField}.subject", "is not keccak256 of subject_id");
        if (input.Signature is not { Length: 65 })
            throw new InvalidFieldException("signed_claim.signature", $"must be 65 bytes (r ‖ s ‖ v), got {input.Signature?.Length ?? 0}");
        return new EvidenceClaimData(input.ContentHash, (byte)input.Kind, input.Subject, issuer, input.IssuedAt, input.Nonce);
    }

    // A signature over another EIP-712 domain (another chain id or verifying contract) recovers some other address,
    // exactly like a foreign key: SigningDomainDiagnosis tries the usual domain mistakes and the message says which one
    // it was, and always names the domain expected, as the client cannot otherwise tell the two apart.
    private static void VerifySignature(byte[] signature, byte[] digest, EvidenceClaimData claim, ulong chainId, EthereumAddress registry,
        EthereumAddress participantRegistry)
    {
        EthereumAddress signer;
        EcdsaSignature parsed;
        try
        {
            parsed = EcdsaSignature.FromBytes65(signature);
            signer = Secp256k1.RecoverAddress(digest, parsed);
        }
        catch (InvalidSignatureException ex)
        {
            throw new InvalidFieldException("signed_claim.signature", $"not a valid secp256k1 signature: {ex.Message}");
        }
        if (signer == claim.Issuer) return;
        var expected = $"this node expects the EIP-712 domain name \"{EvidenceClaimHasher.DomainName}\", version \"{EvidenceClaimHasher.DomainVersion}\", chainId {chainId}, verifyingContract {registry}";
        var diagnosis = SigningDomainDiagnosis.Explain(parsed, claim, claim.Issuer, chainId, registry, [(participantRegistry, "the ParticipantRegistry")]);
        throw new IssuerNotPermittedException(claim.Issuer, diagnosis is not null
            ? $"signature: wrong signing domain: {diagnosis}; {expected}"
            : $"the signature does not recover the issuer (it recovers {signer}): signed with another key, or for another signing domain; {expected}");
    }

    private static void Require32(byte[]? value, string field)
    {
        if (value is not { Length: 32 }) throw new InvalidFieldException(field, $"must be 32 bytes, got {value?.Length ?? 0}");
    }

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..57] + "...";

    internal static int Utf8Length(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);
}
