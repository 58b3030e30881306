using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Chain.Contracts.Dtos.Evidence;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Chain;
using Trace.Node.Storage;

namespace Trace.Node.Indexing;

/// <summary>
/// Follows the EvidenceRegistry's <c>ClaimRevoked</c> and <c>ClaimSuperseded</c> events into the index, so a record
/// withdrawn directly on chain (an issuer calling <c>revoke</c> itself, another operator's relay) shows as withdrawn in
/// GetRecord, ListRecords and WatchRecordStatus, not only in Verify, which asks the chain anyway.
/// </summary>
/// <remarks>
/// Reads only blocks <c>Chain:Confirmations</c> deep, so what it writes is not undone by a reorganisation, and keeps its
/// position in the <see cref="CheckpointName"/> checkpoint. Applying a withdrawal twice changes nothing, so a crash
/// between the rows and the checkpoint only repeats work.
/// </remarks>
public sealed partial class WithdrawalFollower(
    TraceContracts contracts,
    ChainConnection chain,
    TraceStore store,
    IOptions<IndexingOptions> options,
    IOptions<ChainOptions> chainOptions,
    TimeProvider clock,
    ILogger<WithdrawalFollower> logger) : BackgroundService
{
    /// <summary>The checkpoint this follower keeps.</summary>
    public const string CheckpointName = "evidence-registry-withdrawals";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        try
        {
            await contracts.Ready.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { return; }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex); // chain or database unavailable: the next poll resumes from the checkpoint
            }
            try { await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Applies every withdrawal in the confirmed blocks after the checkpoint, then moves the checkpoint.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        var head = await chain.Eth.BlockNumberAsync(ct).ConfigureAwait(false);
        var depth = (ulong)Math.Max(1, chainOptions.Value.Confirmations);
        if (head + 1 < depth) return;
        var safe = head + 1 - depth;
        var checkpoint = await store.GetCheckpointAsync(CheckpointName, ct).ConfigureAwait(false);
        var from = checkpoint is null ? contracts.Deployment.DeployedAtBlock : (ulong)checkpoint.BlockNumber + 1;
        if (from > safe) return;

        var registry = contracts.Evidence.Contract.Definition;
        var blockTimes = new Dictionary<ulong, DateTimeOffset>();
        var filter = new LogFilter(from, safe, [contracts.Deployment.EvidenceRegistry]);
        await foreach (var (logs, through) in new LogPager(chain.Eth).ReadAsync(filter, ct).ConfigureAwait(false))
        {
            foreach (var log in logs)
            {
                string recordId;
                string? successor;
                switch (registry.DecodeEvent(log)?.Dto)
                {
                    case ClaimRevokedEvent revoked:
                        (recordId, successor) = (Hex.Encode(revoked.ClaimDigest), null);
                        break;
                    case ClaimSupersededEvent superseded:
                        (recordId, successor) = (Hex.Encode(superseded.ClaimDigest), Hex.Encode(superseded.NewClaimDigest));
                        break;
                    default:
                        continue;
                }
                if (!blockTimes.TryGetValue(log.BlockNumber, out var at))
                {
                    var block = await chain.Eth.GetBlockAsync(BlockTag.Number(log.BlockNumber), ct).ConfigureAwait(false);
                    blockTimes[log.BlockNumber] = at = block is null ? clock.GetUtcNow() : DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp);
                }
                var known = await store.ApplyRevocationAsync(recordId, new RecordRevocation(at, (long)log.BlockNumber, log.TransactionHash, successor), ct).ConfigureAwait(false);
                if (known) LogApplied(logger, successor is null ? "revocation" : "supersession", recordId, log.BlockNumber);
            }
            var end = await chain.Eth.GetBlockAsync(BlockTag.Number(through), ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"block {through} is missing");
            await store.SaveCheckpointAsync(CheckpointName, (long)through, end.Hash, ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(6000, LogLevel.Information, "Indexed on-chain {What} of record {RecordId} (block {Block})")]
    private static partial void LogApplied(ILogger logger, string what, string recordId, ulong block);

    [LoggerMessage(6001, LogLevel.Warning, "Following registry events failed; retrying from the checkpoint")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
