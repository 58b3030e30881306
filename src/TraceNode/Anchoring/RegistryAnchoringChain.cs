using System.Numerics;
using Trace.Chain.Accounts;
using Trace.Chain.Rpc;
using Trace.Chain.Transactions;
using Trace.Node.Chain;

namespace Trace.Node.Anchoring;

/// <summary>
/// <see cref="IAnchoringChain"/> over the node's chain connection, its typed EvidenceRegistry client and the
/// operator's transaction sender (which it shares with the revocation relay, so nonces come from one manager).
/// </summary>
public sealed class RegistryAnchoringChain(TraceContracts contracts, RootLedger ledger) : IAnchoringChain
{
    // A node accepts a replacement only when both fee caps rise by at least 10 % (geth, anvil); 12.5 % leaves room.
    private const int ReplacementBumpPercent = 125;

    public Task WaitUntilReadyAsync(CancellationToken ct) => contracts.Ready.WaitAsync(ct);

    public async Task<AnchorTransaction?> SignAnchorAsync(byte[] root, int leafCount, string uri, AnchorTransaction? replacing, CancellationToken ct)
    {
        ulong? nonce = null;
        FeeSuggestion? atLeast = null;
        if (replacing is not null)
        {
            nonce = (ulong)replacing.Nonce;
            if (TransactionSigner.ReadEip1559(replacing.Raw) is { } previous)
                atLeast = new FeeSuggestion(Bump(previous.MaxFeePerGas), Bump(previous.MaxPriorityFeePerGas), BigInteger.Zero);
        }
        var signed = await contracts.Evidence.SignAnchorBatchAsync(root, checked((uint)leafCount), uri, nonce, atLeast, ct).ConfigureAwait(false);
        return signed is null ? null : new AnchorTransaction((long)signed.Transaction.Nonce, signed.Hash, signed.Raw);
    }

    public Task AbandonAsync(AnchorTransaction transaction, CancellationToken ct) =>
        contracts.Operator.Nonces.ReleaseAsync((ulong)transaction.Nonce, ct);

    public async Task<BroadcastResult> BroadcastAsync(AnchorTransaction transaction, CancellationToken ct)
    {
        if (await contracts.Operator.BroadcastAsync(transaction.Raw, ct).ConfigureAwait(false)) return BroadcastResult.Accepted;
        // The nonce was spent, perhaps by another process using the operator key: the next new nonce is read from the
        // chain again, so signing anew jumps past every nonce used meanwhile instead of meeting "nonce too low" once each.
        await contracts.Operator.Nonces.ResyncAsync(ct).ConfigureAwait(false);
        return BroadcastResult.NonceUsed;
    }

    public async Task<AnchorTransactionState> GetTransactionStateAsync(byte[] txHash, CancellationToken ct)
    {
        var eth = contracts.Evidence.Contract.Eth;
        if (await eth.GetTransactionReceiptAsync(txHash, ct).ConfigureAwait(false) is { } receipt)
        {
            // A node may still serve the receipt of a block a reorganisation took away (Anvil after evm_revert does): a
            // receipt counts only while its block is the canonical one at its height, else the transaction is lost.
            var canonical = await eth.GetBlockAsync(BlockTag.Number(receipt.BlockNumber), ct).ConfigureAwait(false);
            if (canonical is null || !canonical.Hash.AsSpan().SequenceEqual(receipt.BlockHash)) return AnchorTransactionState.Unknown;
            return receipt.Succeeded ? AnchorTransactionState.Succeeded : AnchorTransactionState.Reverted;
        }
        return await eth.IsTransactionKnownAsync(txHash, ct).ConfigureAwait(false) ? AnchorTransactionState.Pending : AnchorTransactionState.Unknown;
    }

    public Task<ulong> GetBlockNumberAsync(CancellationToken ct) => contracts.Evidence.Contract.Eth.BlockNumberAsync(ct);

    public async Task<byte[]?> GetBlockHashAsync(ulong number, CancellationToken ct) =>
        (await contracts.Evidence.Contract.Eth.GetBlockAsync(BlockTag.Number(number), ct).ConfigureAwait(false))?.Hash;

    public Task<RootAnchoring?> FindRootAsync(byte[] root, CancellationToken ct) => ledger.FindAsync(root, ct);

    private static BigInteger Bump(BigInteger fee) => (fee * ReplacementBumpPercent + 99) / 100;
}
