using Microsoft.Extensions.Logging;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Chain;
using Trace.Node.Storage;

namespace Trace.Node.Evidence;

/// <summary>
/// Relays issuer-signed revocations and supersessions to the EvidenceRegistry (revokeBySig / supersedeBySig):
/// the operator pays the gas, the contract checks the issuer's signature, so the operator cannot forge one.
/// </summary>
public sealed partial class RevocationRelay(TraceContracts contracts, TraceStore store, TimeProvider clock, ILogger<RevocationRelay> logger)
{
    /// <summary>Sends the relayed call, waits for it to be mined and records the change; returns the transaction hash.</summary>
    public async Task<byte[]> RelayAsync(RevocationRequest request, CancellationToken ct)
    {
        // Malformed input first (INVALID_ARGUMENT), whatever the record's state (NOT_FOUND, FAILED_PRECONDITION).
        var recordId = RecordIds.Normalise(request.RecordId, "record_id");
        var successor = string.IsNullOrEmpty(request.SupersededBy) ? null : RecordIds.Normalise(request.SupersededBy, "superseded_by");
        if (request.Signature is not { Length: 65 })
            throw new InvalidFieldException("signature", $"must be 65 bytes (r ‖ s ‖ v), got {request.Signature?.Length ?? 0}");
        if (request.Deadline <= (ulong)clock.GetUtcNow().ToUnixTimeSeconds())
            throw new InvalidFieldException("deadline", $"{request.Deadline} has passed");
        var record = await store.GetRecordAsync(recordId, ct).ConfigureAwait(false) ?? throw new RecordNotFoundException(recordId);
        if (record.Status == RecordStatus.Pending || record.Placement is not { } placement)
            throw new RecordStateException($"record {recordId} is PENDING: it can be revoked once its batch is anchored");
        if (record.Revocation is { } revocation)
            throw new RecordStateException($"record {recordId} is already {(revocation.SupersededBy is null ? "revoked" : "superseded")}");

        var claim = record.ToClaimData();
        var signer = request.Signer ?? claim.Issuer;
        var proof = placement.Proof;
        var authorization = new RelayedSignature(signer, request.Nonce, request.Deadline, request.Signature);
        ContractReceipt receipt;
        try
        {
            receipt = successor is null
                ? await contracts.Evidence.RevokeBySigAsync(claim, placement.Root, proof, request.Reason, authorization, ct).ConfigureAwait(false)
                : await contracts.Evidence.SupersedeBySigAsync(claim, placement.Root, proof, Hex.Decode(successor), authorization, ct).ConfigureAwait(false);
        }
        catch (ContractCallException ex)
        {
            throw ex.ErrorName switch
            {
                "InvalidRelayedSignature" => new InvalidFieldException("signature", $"the registry does not accept it as {signer}'s signature over this message"),
                "InvalidAccountNonce" => new InvalidFieldException("nonce", $"{request.Nonce} is not the signer's current relay nonce (EvidenceRegistry.nonces)"),
                "SignatureExpired" => new InvalidFieldException("deadline", $"{request.Deadline} has passed on chain"),
                "NotIssuer" => new IssuerNotPermittedException(signer, "is not a key of the record's issuer"),
                "InvalidSuccessor" => new InvalidFieldException("superseded_by", "a record cannot supersede itself"),
                "ClaimAlreadyRevoked" or "ClaimAlreadySuperseded" => new RecordStateException($"record {recordId} is already withdrawn on chain ({ex.ErrorName})"),
                _ => ex,
            };
        }
        var block = await contracts.Evidence.Contract.Eth.GetBlockAsync(Trace.Chain.Rpc.BlockTag.Number(receipt.Receipt.BlockNumber), ct).ConfigureAwait(false);
        await store.ApplyRevocationAsync(recordId,
            new RecordRevocation(block is null ? clock.GetUtcNow() : DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp),
                (long)receipt.Receipt.BlockNumber, receipt.Receipt.TransactionHash, successor), ct).ConfigureAwait(false);
        LogRelayed(logger, successor is null ? "revocation" : "supersession", recordId, Hex.Encode(receipt.Receipt.TransactionHash));
        return receipt.Receipt.TransactionHash;
    }

    [LoggerMessage(3100, LogLevel.Information, "Relayed {What} of record {RecordId} in {TxHash}")]
    private static partial void LogRelayed(ILogger logger, string what, string recordId, string txHash);
}
