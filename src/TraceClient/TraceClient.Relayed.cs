using System.Numerics;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Protos.V1;
using EthRpc = Trace.Chain.Rpc.EthRpc;
using JsonRpcClient = Trace.Chain.Rpc.JsonRpcClient;

namespace Trace.Client;

// Messages a participant signs and the node relays on chain (the node pays the gas): withdrawals, flags, endorsements.
public sealed partial class TraceClient
{
    /// <summary>
    /// Revokes <paramref name="recordId"/>, or marks it superseded by <paramref name="supersededBy"/> (a later record of
    /// the same issuer): the issuer signs the EIP-712 message (its registry nonce read from the chain the node names),
    /// the node relays it. Returns the transaction hash.
    /// </summary>
    /// <exception cref="TraceInvalidInputException">not the record's issuer, a bad id, or already withdrawn.</exception>
    public async Task<byte[]> RevokeAsync(ClaimSigner signer, string recordId, string? supersededBy = null, ushort reason = 1, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var (relayed, nonce, deadline) = await RelayAsync(signer, ct).ConfigureAwait(false);
        var request = new RevokeRecordRequest { RecordId = recordId, Nonce = (ulong)nonce, Deadline = deadline, Signer = signer.Address.ToString() };
        if (supersededBy is { Length: > 0 })
        {
            request.SupersededBy = supersededBy;
            request.Signature = ByteString.CopyFrom(relayed.SignSupersession(signer.Key, Hex.Decode(recordId), Hex.Decode(supersededBy), nonce, deadline).Signature);
        }
        else
        {
            request.Reason = reason;
            request.Signature = ByteString.CopyFrom(relayed.SignRevocation(signer.Key, Hex.Decode(recordId), reason, nonce, deadline).Signature);
        }
        return (await Call(() => Evidence.RevokeRecordAsync(request, cancellationToken: ct).ResponseAsync).ConfigureAwait(false)).TxHash.ToByteArray();
    }

    /// <summary>
    /// A regulator flags <paramref name="recordId"/>: it then verifies FLAGGED and footprints resting on it count it as
    /// withdrawn evidence until the flag is closed (<see cref="UnflagAsync"/>). Signed by the regulator's key, relayed by the node.
    /// </summary>
    public async Task<FlagRecordResponse> FlagAsync(ClaimSigner regulator, string recordId, FlagReason reason, string? note = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(regulator);
        var (relayed, nonce, deadline) = await RelayAsync(regulator, ct).ConfigureAwait(false);
        var request = new FlagRecordRequest
        {
            RecordId = recordId, Reason = reason, Signer = regulator.Address.ToString(), Nonce = (ulong)nonce, Deadline = deadline, Note = note ?? "",
            Signature = ByteString.CopyFrom(relayed.SignFlag(regulator.Key, Hex.Decode(recordId), (ushort)reason, nonce, deadline).Signature),
        };
        return await Call(() => Assurance.FlagRecordAsync(request, cancellationToken: ct).ResponseAsync).ConfigureAwait(false);
    }

    /// <summary>The regulator closes its participant's open flag on <paramref name="recordId"/>.</summary>
    public async Task<UnflagRecordResponse> UnflagAsync(ClaimSigner regulator, string recordId, UnflagReason reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(regulator);
        var (relayed, nonce, deadline) = await RelayAsync(regulator, ct).ConfigureAwait(false);
        var request = new UnflagRecordRequest
        {
            RecordId = recordId, Reason = reason, Signer = regulator.Address.ToString(), Nonce = (ulong)nonce, Deadline = deadline,
            Signature = ByteString.CopyFrom(relayed.SignUnflag(regulator.Key, Hex.Decode(recordId), (ushort)reason, nonce, deadline).Signature),
        };
        return await Call(() => Assurance.UnflagRecordAsync(request, cancellationToken: ct).ResponseAsync).ConfigureAwait(false);
    }

    /// <summary>A verifier endorses <paramref name="recordId"/> (once per verifier participant and record).</summary>
    public async Task<EndorseRecordResponse> EndorseAsync(ClaimSigner verifier, string recordId, EndorsementCode code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        var (relayed, nonce, deadline) = await RelayAsync(verifier, ct).ConfigureAwait(false);
        var request = new EndorseRecordRequest
        {
            RecordId = recordId, Code = code, Signer = verifier.Address.ToString(), Nonce = (ulong)nonce, Deadline = deadline,
            Signature = ByteString.CopyFrom(relayed.SignEndorsement(verifier.Key, Hex.Decode(recordId), (ushort)code, nonce, deadline).Signature),
        };
        return await Call(() => Assurance.EndorseRecordAsync(request, cancellationToken: ct).ResponseAsync).ConfigureAwait(false);
    }

    /// <summary>Registry events in a time range, oldest first (anchoring, withdrawals, flags, endorsements, participant changes).</summary>
    public async IAsyncEnumerable<AuditTrailEvent> GetAuditTrailAsync(GetAuditTrailRequest filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var call = Assurance.GetAuditTrail(filter, cancellationToken: ct);
        while (await Call(() => call.ResponseStream.MoveNext(ct)).ConfigureAwait(false))
            yield return call.ResponseStream.Current;
    }

    // A relayed message (EIP-712, the registry's domain) carries the signer's registry nonce, read from the node's chain, and a deadline an hour out.
    private async Task<(RelayedMessageSigner Signer, BigInteger Nonce, ulong Deadline)> RelayAsync(ClaimSigner signer, CancellationToken ct)
    {
        Tokens.Add(signer.Key);
        using var rpc = new JsonRpcClient(new Uri(Info.RpcUrl));
        var nonce = await EvidenceRegistryClient.Connect(Registry, new EthRpc(rpc)).NonceOfAsync(signer.Address, ct).ConfigureAwait(false);
        return (new RelayedMessageSigner(EvidenceClaimHasher.Domain(new BigInteger(Info.ChainId), Registry)), nonce,
            (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds());
    }
}
