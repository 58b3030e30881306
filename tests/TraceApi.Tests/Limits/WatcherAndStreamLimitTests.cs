using Trace.Client.Access;
using Grpc.Core.Interceptors;
using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using Trace.Api.Tests.Evidence;
using Trace.Protos.V1;
using Trace.Api.Tests.Support;

namespace Trace.Api.Tests.Limits;

/// <summary>Watchers are capped and woken by the change feed; response-streaming and listing calls are capped per connection and per caller.</summary>
public sealed class WatcherAndStreamLimitTests(LimitedNodeFixture node) : IClassFixture<LimitedNodeFixture>
{
    [Fact]
    public async Task Every_watcher_receives_every_change_in_order_with_no_gap()
    {
        const int watchers = 20, records = 150;
        var signer = await node.NewSupplierAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var calls = Enumerable.Range(0, watchers).Select(_ => node.Evidence.WatchRecordStatus(new WatchRecordStatusRequest(), cancellationToken: cts.Token)).ToList();
        try
        {
            await Task.Delay(500); // each stream starts at the feed's head
            var requests = Enumerable.Range(0, records).Select(i => signer.StructuredRecord($"urn:trace:watch:{i}", RecordKind.Batch, LineageBodies.Batch($"urn:trace:watch:{i}"))).ToList();
            var ids = requests.Select(r => signer.RecordIdOf(r.SignedClaim)).ToHashSet();
            await Task.WhenAll(requests.Select(r => node.Evidence.SubmitRecordAsync(r).ResponseAsync));

            var seen = await Task.WhenAll(calls.Select(async call =>
            {
                var changes = new List<WatchRecordStatusResponse>();
                var confirmed = 0;
                await foreach (var change in call.ResponseStream.ReadAllAsync(cts.Token))
                {
                    changes.Add(change);
                    if (ids.Contains(change.RecordId) && change.Change == RecordChange.Confirmed && ++confirmed == records) break;
                }
                return changes;
            }));

            var first = seen[0];
            foreach (var changes in seen)
            {
                // The node serves only this test: its feed is exactly what every watcher saw, contiguous and identical.
                Assert.Equal(Enumerable.Range(0, changes.Count).Select(i => changes[0].Sequence + (ulong)i), changes.Select(c => c.Sequence));
                Assert.Equal(first.Select(c => (c.Sequence, c.RecordId, c.Change)), changes.Select(c => (c.Sequence, c.RecordId, c.Change)));
                Assert.Equal(records, changes.Count(c => ids.Contains(c.RecordId) && c.Change == RecordChange.Accepted));
            }
        }
        finally
        {
            foreach (var call in calls) call.Dispose();
        }
    }

    [Fact]
    public async Task Watchers_beyond_the_cap_are_refused_with_ResourceExhausted()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var calls = new List<AsyncServerStreamingCall<WatchRecordStatusResponse>>();
        try
        {
            for (var i = 0; i < LimitedNodeFixture.Watchers; i++)
                calls.Add(node.Evidence.WatchRecordStatus(new WatchRecordStatusRequest(), cancellationToken: cts.Token));
            await Task.Delay(500);

            using var refused = node.Evidence.WatchRecordStatus(new WatchRecordStatusRequest(), cancellationToken: cts.Token);
            var error = await Assert.ThrowsAsync<RpcException>(() => refused.ResponseStream.MoveNext(cts.Token));
            Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
            Assert.Contains("too many status watchers", error.Status.Detail);
        }
        finally
        {
            foreach (var call in calls) call.Dispose();
        }
        await Task.Delay(500);
        // A place freed is a place taken again.
        using var again = node.Evidence.WatchRecordStatus(new WatchRecordStatusRequest { RecordIds = { "0x" + new string('0', 64) }, IncludeCurrent = true }, cancellationToken: cts.Token);
        var notFound = await Assert.ThrowsAsync<RpcException>(() => again.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task Stalled_download_streams_are_capped_per_connection_and_per_caller()
    {
        var signer = await node.NewSupplierAsync();
        var content = RandomNumberGenerator.GetBytes(900_000);
        var header = new SubmitDocumentHeader { SignedClaim = signer.Sign(SHA256.HashData(content), RecordKind.SupplierEsgFile, "urn:trace:download"), SubjectId = "urn:trace:download", MediaType = "application/octet-stream" };
        var id = (await node.Evidence.UploadAsync(header, content)).Record.Id;

        using var second = GrpcChannel.ForAddress(node.Api.GrpcAddress);
        using var third = GrpcChannel.ForAddress(node.Api.GrpcAddress);
        var viaFirst = node.Evidence;
        var viaSecond = new EvidenceService.EvidenceServiceClient(second.Intercept(new AccessTokenInterceptor(node.Api.Tokens)));
        var viaThird = new EvidenceService.EvidenceServiceClient(third.Intercept(new AccessTokenInterceptor(node.Api.Tokens)));
        var open = new List<AsyncServerStreamingCall<DownloadContentResponse>>();
        try
        {
            // Each reads one message and then stops reading: 900 KB cannot pass the flow-control window, so the call stays open.
            for (var i = 0; i < LimitedNodeFixture.ReadsPerConnection; i++) open.Add(await StartDownloadAsync(viaFirst, id));
            var overConnection = await Assert.ThrowsAsync<RpcException>(() => StartDownloadAsync(viaFirst, id));
            Assert.Equal(StatusCode.ResourceExhausted, overConnection.StatusCode);
            Assert.Contains("on this connection", overConnection.Status.Detail);

            open.Add(await StartDownloadAsync(viaSecond, id)); // the caller's third
            var overCaller = await Assert.ThrowsAsync<RpcException>(() => StartDownloadAsync(viaThird, id));
            Assert.Equal(StatusCode.ResourceExhausted, overCaller.StatusCode);
            Assert.Contains("from this caller", overCaller.Status.Detail);

            // Other calls are not limited by the stalled readers.
            Assert.Equal(id, (await viaThird.GetRecordAsync(new GetRecordRequest { RecordId = id })).Record.Id);
        }
        finally
        {
            foreach (var call in open) call.Dispose();
        }
        await Task.Delay(500);
        using var after = await StartDownloadAsync(viaThird, id);
    }

    private static async Task<AsyncServerStreamingCall<DownloadContentResponse>> StartDownloadAsync(EvidenceService.EvidenceServiceClient client, string id)
    {
        var call = client.DownloadContent(new DownloadContentRequest { RecordId = id });
        try
        {
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(DownloadContentResponse.PartOneofCase.Info, call.ResponseStream.Current.PartCase);
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }
}
