using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts;
using Trace.Chain.Rpc;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>
/// What the fault drills share: suppliers submitting while something fails (a record answered UNAVAILABLE is sent
/// again, as clients do), and the closing check that every accepted record ended CONFIRMED exactly once and no root was
/// anchored twice.
/// </summary>
internal static class DrillLedger
{
    /// <summary>
    /// Submits batch records signed by <paramref name="signer"/> until <paramref name="ct"/> is cancelled (or
    /// <paramref name="count"/> are accepted); a record answered UNAVAILABLE (or another of <paramref name="retryOn"/>) is sent again after
    /// <paramref name="retryDelay"/>(attempt), at most <paramref name="maxAttempts"/> times. Returns the retries made.
    /// </summary>
    public static async Task<int> SubmitAsync(Uri address, ClaimSigner signer, string subjectPrefix, ConcurrentDictionary<string, byte> accepted,
        CancellationToken ct, int count = int.MaxValue, int maxAttempts = 60, Func<int, TimeSpan>? retryDelay = null, TimeSpan? pause = null,
        StatusCode[]? retryOn = null)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new EvidenceService.EvidenceServiceClient(SignedInChannel.As(channel, signer.Key));
        var retries = 0;
        for (var i = 0; i < count && !ct.IsCancellationRequested; i++)
        {
            var subject = $"{subjectPrefix}:{signer.Address}:{i}";
            var request = signer.StructuredRecord(subject, RecordKind.Batch, LineageBodies.Batch(subject));
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    accepted.TryAdd((await client.SubmitRecordAsync(request)).Record.Id, 0);
                    break;
                }
                catch (Grpc.Core.RpcException e) when (Array.IndexOf(retryOn ?? [StatusCode.Unavailable], e.StatusCode) >= 0 && attempt < maxAttempts)
                {
                    retries++;
                    await Task.Delay(retryDelay?.Invoke(attempt) ?? TimeSpan.FromMilliseconds(250));
                }
            }
            await Task.Delay(pause ?? TimeSpan.FromMilliseconds(40), CancellationToken.None);
        }
        return retries;
    }

    /// <summary>
    /// Every record the node holds is CONFIRMED and held once, every accepted one among them, and each BatchAnchored
    /// event of <paramref name="registry"/> names a distinct root that a record points to. Returns the records and roots.
    /// </summary>
    public static async Task<(List<EvidenceRecord> All, List<string> AnchoredRoots)> AssertConfirmedOnceAsync(
        EvidenceService.EvidenceServiceClient evidence, ICollection<string> accepted, EthRpc eth, EthereumAddress registry)
    {
        var all = new List<EvidenceRecord>();
        var page = new ListRecordsResponse { NextPageToken = "" };
        do
        {
            page = await evidence.ListRecordsAsync(new ListRecordsRequest { PageSize = 500, PageToken = page.NextPageToken });
            all.AddRange(page.Records);
        } while (page.NextPageToken != "");
        Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());
        Assert.All(all, r => Assert.Equal(RecordStatus.Confirmed, r.Status));
        Assert.Empty(accepted.Except(all.Select(r => r.Id)));

        var logs = await eth.GetLogsAsync(new LogFilter(0, await eth.BlockNumberAsync(), [registry], [ContractDefinition.Topic0<Trace.Chain.Contracts.Dtos.Evidence.BatchAnchoredEvent>()]));
        var anchoredRoots = logs.Select(l => Convert.ToHexString(l.Topics[1])).ToList();
        Assert.Equal(anchoredRoots.Count, anchoredRoots.Distinct().Count());
        Assert.Subset(anchoredRoots.ToHashSet(), all.Select(r => Convert.ToHexString(r.Anchor.MerkleRoot.Span)).ToHashSet());
        return (all, anchoredRoots);
    }
}
