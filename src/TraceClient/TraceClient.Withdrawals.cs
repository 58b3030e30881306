using System.Numerics;
using Google.Protobuf;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Protos.V1;
using EthRpc = Trace.Chain.Rpc.EthRpc;
using JsonRpcClient = Trace.Chain.Rpc.JsonRpcClient;

namespace Trace.Client;

// Withdrawals the issuer signs and the node relays on chain (the node pays the gas).
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
        Tokens.Add(signer.Key);
        var deadline = (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        using var rpc = new JsonRpcClient(new Uri(Info.RpcUrl));
        var eth = new EthRpc(rpc);
        var nonce = await EvidenceRegistryClient.Connect(Registry, eth).NonceOfAsync(signer.Address, ct).ConfigureAwait(false);
        var relayed = new RelayedMessageSigner(EvidenceClaimHasher.Domain(new BigInteger(Info.ChainId), Registry));
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
}
