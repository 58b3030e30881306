using System.Diagnostics;
using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Trace.Chain.Rpc;
using Trace.Chain.Transactions;
using Trace.Crypto;

namespace Trace.Chain.Accounts;

/// <summary>
/// Signs and broadcasts EIP-1559 transactions for one key: estimates gas, suggests fees, assigns
/// nonces safely under concurrency, and waits for receipts with N confirmations.
/// </summary>
public sealed class TransactionSender
{
    private static readonly ActivitySource Activity = new("Trace.Node.Transactions");
    private readonly EthRpc _eth;
    private readonly EthereumKey _key;
    private readonly ulong _chainId;
    private readonly FeeOracle _fees;
    private readonly ILogger _logger;

    public TransactionSender(EthRpc eth, EthereumKey key, ulong chainId, ILogger<TransactionSender>? logger = null)
    {
        _eth = eth;
        _key = key;
        _chainId = chainId;
        _fees = new FeeOracle(eth);
        Nonces = new NonceManager(eth, key.Address);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The sending account.</summary>
    public EthereumAddress Address => _key.Address;

    /// <summary>This account's nonce manager.</summary>
    public NonceManager Nonces { get; }

    /// <summary>How long a broadcast transaction may be unknown to the node before it counts as dropped. Default 30 s.</summary>
    public TimeSpan DropTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gas estimate multiplier in percent, for state that changes between estimate and inclusion. Default 120.</summary>
    public int GasMarginPercent { get; init; } = 120;

    /// <summary>Signs and broadcasts; returns once the node accepted it (not mined yet). Reverting calls fail at estimation.</summary>
    public async Task<SignedTransaction> SendAsync(TransactionRequest request, CancellationToken ct = default)
    {
        using var activity = Activity.StartActivity("send");
        var gas = request.GasLimit ?? await EstimateAsync(request, ct).ConfigureAwait(false);
        var fees = await _fees.SuggestAsync(ct).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            using var lease = await Nonces.ReserveAsync(ct).ConfigureAwait(false);
            var signed = Sign(request, lease.Nonce, fees, gas);
            try
            {
                await _eth.SendRawTransactionAsync(signed.Raw, ct).ConfigureAwait(false);
                lease.Commit();
                Log.Sent(_logger, signed.HashHex, lease.Nonce, gas);
                return signed;
            }
            catch (RpcException ex) when (IsAlreadyKnown(ex))
            {
                lease.Commit(); // the same bytes reached the node before (e.g. a retried request)
                return signed;
            }
            catch (RpcException ex) when (IsNonceConflict(ex) && attempt < 3)
            {
                Log.NonceResync(_logger, lease.Nonce, ex.RpcMessage);
                lease.Resync();
            }
        }
    }

    /// <summary>
    /// Signs without broadcasting, for callers that persist a transaction before it reaches the network (the anchoring
    /// pipeline). With <paramref name="nonce"/> null the next nonce is reserved and counts as used from then on: broadcast
    /// the result with <see cref="BroadcastAsync"/>, or sign a replacement at the same nonce. With a nonce given, that nonce
    /// is signed again (a replacement). Fees are the current suggestion, raised to at least <paramref name="atLeast"/>.
    /// Reverting calls fail at estimation (RpcException with the revert data).
    /// </summary>
    public async Task<SignedTransaction> SignAsync(TransactionRequest request, ulong? nonce = null, FeeSuggestion? atLeast = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gas = request.GasLimit ?? await EstimateAsync(request, ct).ConfigureAwait(false);
        var fees = await _fees.SuggestAsync(ct).ConfigureAwait(false);
        if (atLeast is not null)
            fees = fees with
            {
                MaxFeePerGas = BigInteger.Max(fees.MaxFeePerGas, atLeast.MaxFeePerGas),
                MaxPriorityFeePerGas = BigInteger.Max(fees.MaxPriorityFeePerGas, atLeast.MaxPriorityFeePerGas),
            };
        if (nonce is { } given) return Sign(request, given, fees, gas);
        using var lease = await Nonces.ReserveAsync(ct).ConfigureAwait(false);
        var signed = Sign(request, lease.Nonce, fees, gas);
        lease.Commit();
        return signed;
    }

    /// <summary>Broadcasts signed bytes, for the first time or again; "already known" counts as accepted.</summary>
    /// <returns>False when the node refuses it because its nonce is already used (mined).</returns>
    public async Task<bool> BroadcastAsync(ReadOnlyMemory<byte> raw, CancellationToken ct = default)
    {
        try
        {
            await _eth.SendRawTransactionAsync(raw, ct).ConfigureAwait(false);
            return true;
        }
        catch (RpcException ex) when (IsAlreadyKnown(ex))
        {
            return true;
        }
        catch (RpcException ex) when (ex.RpcMessage.Contains("nonce too low", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
    }

    private SignedTransaction Sign(TransactionRequest request, ulong nonce, FeeSuggestion fees, ulong gas) =>
        TransactionSigner.Sign(
            new Eip1559Transaction
            {
                ChainId = _chainId,
                Nonce = nonce,
                MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
                MaxFeePerGas = fees.MaxFeePerGas,
                GasLimit = gas,
                To = request.To,
                Value = request.Value ?? 0,
                Data = request.Data,
            },
            _key);

    /// <summary>Waits until a transaction this sender sent is mined with <paramref name="confirmations"/> blocks (the mined one counts as 1).</summary>
    /// <exception cref="TransactionFailedException">mined but reverted.</exception>
    /// <exception cref="TransactionDroppedException">
    /// unknown to the node for longer than <see cref="DropTimeout"/>; its nonce is released, so the next transaction
    /// of this sender takes it and the ones sent after it can mine.
    /// </exception>
    public Task<TransactionReceipt> WaitForReceiptAsync(SignedTransaction transaction, int confirmations = 1, TimeSpan? pollInterval = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.From != Address)
            throw new ArgumentException($"the transaction was signed by {transaction.From}, not by this sender ({Address})", nameof(transaction));
        return WaitAsync(transaction.Hash, transaction.Transaction.Nonce, confirmations, pollInterval, ct);
    }

    /// <summary>Waits until the transaction is mined with <paramref name="confirmations"/> blocks (the mined one counts as 1).</summary>
    /// <exception cref="TransactionFailedException">mined but reverted.</exception>
    /// <exception cref="TransactionDroppedException">
    /// unknown to the node for longer than <see cref="DropTimeout"/>. The nonce is not known from a hash alone, so the
    /// cached nonce is re-read from the chain; prefer the <see cref="SignedTransaction"/> overload for this sender's transactions.
    /// </exception>
    public Task<TransactionReceipt> WaitForReceiptAsync(byte[] hash, int confirmations = 1, TimeSpan? pollInterval = null, CancellationToken ct = default) =>
        WaitAsync(hash, null, confirmations, pollInterval, ct);

    private async Task<TransactionReceipt> WaitAsync(byte[] hash, ulong? nonce, int confirmations, TimeSpan? pollInterval, CancellationToken ct)
    {
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(100);
        var unknownSince = (Stopwatch?)null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var receipt = await _eth.GetTransactionReceiptAsync(hash, ct).ConfigureAwait(false);
            if (receipt is not null)
            {
                unknownSince = null;
                if (!receipt.Succeeded) throw new TransactionFailedException(receipt);
                var head = await _eth.BlockNumberAsync(ct).ConfigureAwait(false);
                if (head + 1 >= receipt.BlockNumber + (ulong)Math.Max(1, confirmations)) return receipt;
            }
            else if (await _eth.IsTransactionKnownAsync(hash, ct).ConfigureAwait(false))
            {
                unknownSince = null; // pending (or back after a reorg): not dropped
            }
            else
            {
                unknownSince ??= Stopwatch.StartNew();
                if (unknownSince.Elapsed > DropTimeout)
                {
                    if (nonce is { } n)
                    {
                        Log.Dropped(_logger, Hex.Encode(hash), n);
                        await Nonces.ReleaseAsync(n, ct).ConfigureAwait(false);
                    }
                    else await Nonces.ResyncAsync(ct).ConfigureAwait(false);
                    throw new TransactionDroppedException(hash);
                }
            }
            await Task.Delay(interval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sends and waits for the receipt.</summary>
    public async Task<TransactionReceipt> SendAndWaitAsync(TransactionRequest request, int confirmations = 1, CancellationToken ct = default)
    {
        var signed = await SendAsync(request, ct).ConfigureAwait(false);
        return await WaitForReceiptAsync(signed, confirmations, ct: ct).ConfigureAwait(false);
    }

    private async Task<ulong> EstimateAsync(TransactionRequest request, CancellationToken ct)
    {
        var estimate = await _eth.EstimateGasAsync(new CallRequest(request.To, request.Data, Address, request.Value), ct).ConfigureAwait(false);
        return (estimate + request.ExtraGas) * (ulong)GasMarginPercent / 100;
    }

    private static bool IsAlreadyKnown(RpcException ex) =>
        ex.RpcMessage.Contains("already known", StringComparison.OrdinalIgnoreCase)
        || ex.RpcMessage.Contains("already imported", StringComparison.OrdinalIgnoreCase);

    private static bool IsNonceConflict(RpcException ex) =>
        ex.RpcMessage.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
        || ex.RpcMessage.Contains("nonce too high", StringComparison.OrdinalIgnoreCase)
        || ex.RpcMessage.Contains("replacement transaction underpriced", StringComparison.OrdinalIgnoreCase)
        || ex.RpcMessage.Contains("invalid nonce", StringComparison.OrdinalIgnoreCase);
}
