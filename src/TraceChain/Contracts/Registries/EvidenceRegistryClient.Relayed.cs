using Trace.Crypto.Eip712;
using Dto = Trace.Chain.Contracts.Dtos.Evidence;

namespace Trace.Chain.Contracts.Registries;

// The ...BySig actions: anyone (the Trace service) sends them carrying the actor's signed message, so actors need no gas.
// Sign the message with RelayedMessageSigner; the reason/code/successor passed here must be the signed one.
public sealed partial class EvidenceRegistryClient
{
    /// <summary>revokeBySig: the issuer side's signed Revocation. Emits ClaimRevoked with the signer as actor.</summary>
    public Task<ContractReceipt> RevokeBySigAsync(EvidenceClaimData claim, byte[] root, IReadOnlyList<byte[]> proof, ushort reason,
        RelayedSignature authorization, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.RevokeBySigFunction
        {
            Claim = ToTuple(claim), Root = root, Proof = [.. proof], Reason = reason,
            Signer = authorization.Signer.ToString(), NonceParam = authorization.Nonce, Deadline = authorization.Deadline, Signature = authorization.Signature,
        }, ct: ct);

    /// <summary>supersedeBySig: the issuer side's signed Supersession. Emits ClaimSuperseded.</summary>
    public Task<ContractReceipt> SupersedeBySigAsync(EvidenceClaimData claim, byte[] root, IReadOnlyList<byte[]> proof, byte[] newClaimDigest,
        RelayedSignature authorization, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.SupersedeBySigFunction
        {
            Claim = ToTuple(claim), Root = root, Proof = [.. proof], NewClaimDigest = newClaimDigest,
            Signer = authorization.Signer.ToString(), NonceParam = authorization.Nonce, Deadline = authorization.Deadline, Signature = authorization.Signature,
        }, ct: ct);

    /// <summary>endorseBySig: a verifier's signed Endorsement. Emits ClaimEndorsed.</summary>
    public Task<ContractReceipt> EndorseBySigAsync(EvidenceClaimData claim, byte[] root, IReadOnlyList<byte[]> proof, ushort code,
        RelayedSignature authorization, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.EndorseBySigFunction
        {
            Claim = ToTuple(claim), Root = root, Proof = [.. proof], Code = code,
            Signer = authorization.Signer.ToString(), NonceParam = authorization.Nonce, Deadline = authorization.Deadline, Signature = authorization.Signature,
        }, ct: ct);

    /// <summary>flagBySig: a regulator's signed Flag. Emits ClaimFlagged.</summary>
    public Task<ContractReceipt> FlagBySigAsync(EvidenceClaimData claim, byte[] root, IReadOnlyList<byte[]> proof, ushort reason,
        RelayedSignature authorization, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.FlagBySigFunction
        {
            Claim = ToTuple(claim), Root = root, Proof = [.. proof], Reason = reason,
            Signer = authorization.Signer.ToString(), NonceParam = authorization.Nonce, Deadline = authorization.Deadline, Signature = authorization.Signature,
        }, ct: ct);

    /// <summary>unflagBySig: a regulator's signed Unflag (no proof: an open flag implies one was given). Emits ClaimUnflagged.</summary>
    public Task<ContractReceipt> UnflagBySigAsync(byte[] claimDigest, ushort reason, RelayedSignature authorization, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.UnflagBySigFunction
        {
            Digest = claimDigest, Reason = reason,
            Signer = authorization.Signer.ToString(), NonceParam = authorization.Nonce, Deadline = authorization.Deadline, Signature = authorization.Signature,
        }, ct: ct);
}
