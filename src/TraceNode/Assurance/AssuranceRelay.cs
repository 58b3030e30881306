using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Domain;
using Trace.Domain.Assurance;
using Trace.Node.Access;
using Trace.Node.Chain;
using Trace.Node.Evidence;
using Trace.Node.Indexing;
using Trace.Node.Storage;

namespace Trace.Node.Assurance;

/// <summary>
/// Relays regulator-signed flags and unflags and verifier-signed endorsements to the EvidenceRegistry (flagBySig,
/// unflagBySig, endorseBySig): the operator pays the gas, the contract checks the signature, so the operator cannot
/// forge one. Checks what it can before spending gas: the fields, the signature over the exact message, the signer's
/// on-chain standing for the role now, the record's state and an existing mark. Then indexes the events of its own
/// receipt at once (the follower confirms them later, or undoes them if their block is reorganised away).
/// </summary>
public sealed partial class AssuranceRelay(
    TraceContracts contracts,
    ChainConnection chain,
    TraceStore store,
    RegistryLogDecoder decoder,
    TimeProvider clock,
    ILogger<AssuranceRelay> logger)
{
    /// <summary>Longest note kept with a flag.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Longest link kept with a flag.</summary>
    public const int MaxUriLength = 2048;

    /// <summary>Sends the relayed call, waits for it to be mined and indexes it.</summary>
    /// <exception cref="InvalidFieldException">a malformed field, or a signature / nonce / deadline the registry would refuse.</exception>
    /// <exception cref="AccessDeniedException">the signer does not stand with the action's role on chain now.</exception>
    /// <exception cref="RecordNotFoundException">no such record in the index.</exception>
    /// <exception cref="RecordStateException">the record is PENDING, or (endorse) withdrawn or the verifier's own.</exception>
    /// <exception cref="MarkAlreadyExistsException">already flagged / endorsed by the signer's participant.</exception>
    /// <exception cref="FlagNotOpenException">unflag of a flag the signer's participant does not have open.</exception>
    public async Task<AssuranceReceipt> RelayAsync(AssuranceRequest request, CancellationToken ct)
    {
        var (recordId, digest) = Validate(request);

        // The signer's standing on chain now, as the contract will check it.
        var role = request.Action == AssuranceAction.Endorse ? ParticipantRoles.Verifier : ParticipantRoles.Regulator;
        var now = (ulong)clock.GetUtcNow().ToUnixTimeSeconds();
        var standing = await contracts.Participants.StandingAtAsync(request.Signer, role, now, ct).ConfigureAwait(false);
        if (!standing.IsAuthorised)
            throw new AccessDeniedException($"signer: {request.Signer} may not {Describe(request.Action)}: {StandingText(standing.Standing, role)}");
        var participant = standing.ParticipantId;

        var record = await store.GetRecordAsync(recordId, ct).ConfigureAwait(false) ?? throw new RecordNotFoundException(recordId);
        if (request.Action != AssuranceAction.Unflag && (record.Status == RecordStatus.Pending || record.Placement is null))
            throw new RecordStateException($"record {recordId} is PENDING: it can be {Past(request.Action)} once its batch is anchored");
        var nonce = await contracts.Evidence.NonceOfAsync(request.Signer, ct).ConfigureAwait(false);
        if (nonce != request.Nonce)
            throw new InvalidFieldException("nonce", $"{request.Nonce} is not the signer's current relay nonce {nonce} (EvidenceRegistry.nonces)");
        await CheckMarkAsync(request.Action, digest, participant, recordId, ct).ConfigureAwait(false);
        if (request.Action == AssuranceAction.Endorse && record.Revocation is { } revocation)
            throw new RecordStateException($"record {recordId} is {(revocation.SupersededBy is null ? "revoked" : "superseded")}: it cannot be endorsed");

        var authorization = new RelayedSignature(request.Signer, request.Nonce, request.Deadline, request.Signature);
        ContractReceipt receipt;
        try
        {
            var claim = record.ToClaimData();
            receipt = request.Action switch
            {
                AssuranceAction.Flag => await contracts.Evidence.FlagBySigAsync(claim, record.Placement!.Root, record.Placement.Proof, request.Code, authorization, ct).ConfigureAwait(false),
                AssuranceAction.Unflag => await contracts.Evidence.UnflagBySigAsync(digest, request.Code, authorization, ct).ConfigureAwait(false),
                _ => await contracts.Evidence.EndorseBySigAsync(claim, record.Placement!.Root, record.Placement.Proof, request.Code, authorization, ct).ConfigureAwait(false),
            };
        }
        catch (ContractCallException ex)
        {
            throw Refusal(ex, request, recordId);
        }

        var txHash = receipt.Receipt.TransactionHash;
        if (request.Action == AssuranceAction.Flag && (!string.IsNullOrEmpty(request.Note) || !string.IsNullOrEmpty(request.Uri)))
            await store.SaveFlagNoteAsync(txHash, recordId, NullIfEmpty(request.Note), NullIfEmpty(request.Uri), ct).ConfigureAwait(false);
        await IndexReceiptAsync(receipt, ct).ConfigureAwait(false);
        LogRelayed(logger, Describe(request.Action), recordId, Hex.Encode(txHash));

        var (flags, endorsements) = await store.GetMarksAsync([recordId], ct).ConfigureAwait(false);
        return new AssuranceReceipt(txHash, (long)receipt.Receipt.BlockNumber,
            flags[recordId].FirstOrDefault(f => f.TxHash.AsSpan().SequenceEqual(txHash)),
            endorsements[recordId].FirstOrDefault(e => e.TxHash.AsSpan().SequenceEqual(txHash)));
    }

    /// <summary>
    /// The checks of <see cref="RelayAsync"/> that need nothing but the request (fields, deadline, and that the signature
    /// recovers the signer over exactly these values); returns the normalised record id and its digest.
    /// </summary>
    /// <exception cref="InvalidFieldException">the first malformed field.</exception>
    public (string RecordId, byte[] Digest) Validate(AssuranceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Malformed input first (INVALID_ARGUMENT), whatever the signer's standing or the record's state.
        var recordId = RecordIds.Normalise(request.RecordId, "record_id");
        var codeField = request.Action == AssuranceAction.Endorse ? "code" : "reason";
        var highest = request.Action switch { AssuranceAction.Flag => 5, AssuranceAction.Unflag => 2, _ => 3 };
        if (request.Code < 1 || request.Code > highest)
            throw new InvalidFieldException(codeField, $"{request.Code} is not a {Describe(request.Action)} {codeField} (1..{highest}, docs/assurance.md)");
        if (request.Note is { Length: > MaxNoteLength }) throw new InvalidFieldException("note", $"at most {MaxNoteLength} characters, got {request.Note.Length}");
        if (!string.IsNullOrEmpty(request.Uri)
            && (request.Uri.Length > MaxUriLength || !Uri.TryCreate(request.Uri, UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp)))
            throw new InvalidFieldException("uri", $"must be an absolute http(s) URI of at most {MaxUriLength} characters");
        if (request.Signature is not { Length: 65 })
            throw new InvalidFieldException("signature", $"must be 65 bytes (r ‖ s ‖ v), got {request.Signature?.Length ?? 0}");
        if (request.Deadline <= (ulong)clock.GetUtcNow().ToUnixTimeSeconds())
            throw new InvalidFieldException("deadline", $"{request.Deadline} has passed");
        var digest = Hex.Decode(recordId);
        CheckSignature(request, digest);
        return (recordId, digest);

    }

    private void CheckSignature(AssuranceRequest request, byte[] digest)
    {
        var deployment = contracts.Deployment;
        var signer = new RelayedMessageSigner(EvidenceClaimHasher.Domain(new BigInteger(deployment.ChainId), deployment.EvidenceRegistry));
        var (type, field) = request.Action switch
        {
            AssuranceAction.Flag => ("Flag", "reason"),
            AssuranceAction.Unflag => ("Unflag", "reason"),
            _ => ("Endorsement", "code"),
        };
        var message = signer.Digest(type, new Dictionary<string, object?>
        {
            ["claimDigest"] = digest, [field] = request.Code, ["nonce"] = request.Nonce, ["deadline"] = request.Deadline,
        });
        EthereumAddress recovered;
        try
        {
            recovered = Secp256k1.RecoverAddress(message, EcdsaSignature.FromBytes65(request.Signature));
        }
        catch (Exception ex) when (ex is InvalidSignatureException or ArgumentException)
        {
            throw new InvalidFieldException("signature", $"not a valid secp256k1 signature: {ex.Message}");
        }
        if (recovered != request.Signer)
            throw new InvalidFieldException("signature", $"recovers {recovered}, not the signer {request.Signer}: sign {type}(bytes32 claimDigest,uint16 {field},uint256 nonce,uint64 deadline) " +
                $"under the domain \"Trace\"/\"1\"/chain {deployment.ChainId}/{deployment.EvidenceRegistry} with the values sent");
    }

    private async Task CheckMarkAsync(AssuranceAction action, byte[] digest, byte[] participant, string recordId, CancellationToken ct)
    {
        var id = ParticipantIdFormat.Format(participant);
        switch (action)
        {
            case AssuranceAction.Flag when (await contracts.Evidence.FlagOfAsync(digest, participant, ct).ConfigureAwait(false)).Exists:
                throw new MarkAlreadyExistsException($"record_id: regulator {id} already has an open flag on record {recordId}");
            case AssuranceAction.Unflag when !(await contracts.Evidence.FlagOfAsync(digest, participant, ct).ConfigureAwait(false)).Exists:
                throw new FlagNotOpenException($"record_id: regulator {id} has no open flag on record {recordId}");
            case AssuranceAction.Endorse when (await contracts.Evidence.EndorsementOfAsync(digest, participant, ct).ConfigureAwait(false)).Exists:
                throw new MarkAlreadyExistsException($"record_id: verifier {id} already endorsed record {recordId}");
        }
    }

    private static Exception Refusal(ContractCallException ex, AssuranceRequest request, string recordId) => ex.ErrorName switch
    {
        "InvalidRelayedSignature" => new InvalidFieldException("signature", $"the registry does not accept it as {request.Signer}'s signature over this message"),
        "InvalidAccountNonce" => new InvalidFieldException("nonce", $"{request.Nonce} is not the signer's current relay nonce (EvidenceRegistry.nonces)"),
        "SignatureExpired" => new InvalidFieldException("deadline", $"{request.Deadline} has passed on chain"),
        "Unauthorised" => new AccessDeniedException($"signer: {request.Signer} does not stand as {(request.Action == AssuranceAction.Endorse ? "verifier" : "regulator")} on chain"),
        "AlreadyFlagged" => new MarkAlreadyExistsException($"record_id: the signer's regulator participant already has an open flag on record {recordId}"),
        "AlreadyEndorsed" => new MarkAlreadyExistsException($"record_id: the signer's verifier participant already endorsed record {recordId}"),
        "NotFlagged" => new FlagNotOpenException($"record_id: the signer's regulator participant has no open flag on record {recordId}"),
        "SelfEndorsement" => new RecordStateException($"record {recordId} was issued by the verifier's own participant: it cannot endorse it"),
        "ClaimAlreadyRevoked" or "ClaimAlreadySuperseded" => new RecordStateException($"record {recordId} is withdrawn on chain ({ex.ErrorName}): it cannot be endorsed"),
        "UnknownRoot" or "InvalidProof" => new RecordStateException($"record {recordId}: its indexed anchor is not on chain ({ex.ErrorName}); retry once it is anchored again"),
        _ => ex,
    };

    private async Task IndexReceiptAsync(ContractReceipt receipt, CancellationToken ct)
    {
        var logs = receipt.Receipt.Logs.Where(l => l.Address == contracts.Deployment.EvidenceRegistry).ToList();
        var events = await new RegistryEventResolver(contracts, chain, decoder).ResolveAsync(logs, ct).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            int feed;
            try
            {
                await using var db = store.OpenContext();
                feed = await RegistryEventWriter.ApplyAsync(db, events, StorageTime.Normalize(clock.GetUtcNow()), ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The follower indexed the same block meanwhile (its unique key on block and log index): read again, skip what it wrote.
                continue;
            }
            if (feed > 0) store.FeedWritten();
            return;
        }
    }

    private static string StandingText(KeyStanding standing, ParticipantRoles role) => standing switch
    {
        KeyStanding.UnknownKey => "it is not a registered participant key",
        KeyStanding.KeyRetired => "the key is retired",
        KeyStanding.ParticipantSuspended => "its participant is suspended",
        _ => $"its participant does not hold the {role.ToString().ToLowerInvariant()} role",
    };

    private static string Describe(AssuranceAction action) => action switch
    {
        AssuranceAction.Flag => "flag",
        AssuranceAction.Unflag => "unflag",
        _ => "endorse",
    };

    private static string Past(AssuranceAction action) => action == AssuranceAction.Flag ? "flagged" : "endorsed";

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    [LoggerMessage(3110, LogLevel.Information, "Relayed {What} of record {RecordId} in {TxHash}")]
    private static partial void LogRelayed(ILogger logger, string what, string recordId, string txHash);
}
