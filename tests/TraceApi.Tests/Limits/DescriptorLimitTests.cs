using Grpc.Core.Interceptors;
using Trace.Client.Access;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Trace.Api.Tests.Support;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Limits;

/// <summary>The built API under a low file-descriptor limit (prlimit): hundreds of idle uploads cannot take it down.</summary>
public sealed class DescriptorLimitTests
{
    private const int DescriptorLimit = 512; // the node caps uploads at a quarter of what it has spare at start, well under a quarter of this

    [Fact]
    public async Task Under_a_low_descriptor_limit_idle_uploads_past_the_cap_are_refused_and_the_node_keeps_serving()
    {
        var data = Path.Combine(Path.GetTempPath(), "trace-nofile-" + Guid.NewGuid().ToString("N")[..8]);
        var temp = Path.Combine(data, "blobs", "tmp");
        Directory.CreateDirectory(temp);
        var stale = Path.Combine(temp, "left-by-a-crash.part");
        await File.WriteAllBytesAsync(stale, new byte[1000]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));

        var settings = EvidenceNodeFixture.Settings;
        settings["Api:Limits:MaxUploadsPerCaller"] = "100000"; // only the node-wide cap, derived from the descriptor limit, applies
        settings["Api:Limits:UploadIdleTimeout"] = "00:01:00";
        var api = await TraceApiProcess.StartAsync(data, settings, launcher: ["prlimit", $"--nofile={DescriptorLimit}:{DescriptorLimit}", "--"]);
        try
        {
            Assert.False(File.Exists(stale)); // swept at start

            var node = await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
            var signer = await LimitedNodeFixture.NewSupplierAsync(api, node);
            using var channel = GrpcChannel.ForAddress(api.GrpcAddress, new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            });
            var client = new EvidenceService.EvidenceServiceClient(channel.Intercept(new AccessTokenInterceptor(api.Tokens)));

            const int attempts = 400;
            var calls = new List<AsyncClientStreamingCall<SubmitDocumentRequest, SubmitDocumentResponse>>();
            var refusals = new System.Collections.Concurrent.ConcurrentBag<StatusCode>();
            try
            {
                for (var i = 0; i < attempts; i++)
                {
                    var call = await IdleUploadTests.OpenIdleUploadAsync(client, signer);
                    calls.Add(call);
                    // A refused client ends its call, as any client would, so its HTTP/2 stream is released at once.
                    _ = call.ResponseAsync.ContinueWith(t =>
                    {
                        refusals.Add(t.Exception?.InnerException is RpcException e ? e.StatusCode : StatusCode.OK);
                        call.Dispose();
                    }, TaskScheduler.Default);
                }
                await Task.Delay(1000);
                var open = attempts - refusals.Count;
                // Refused with RESOURCE_EXHAUSTED; a refused call whose chunk was already on the wire may instead see
                // its HTTP/2 stream (or connection) reset, which the client reports as a transport status.
                Assert.True(refusals.Count(c => c == StatusCode.ResourceExhausted) >= attempts / 2, string.Join(",", refusals.GroupBy(c => c).Select(g => $"{g.Key}={g.Count()}")));
                Assert.DoesNotContain(StatusCode.OK, refusals);
                Assert.DoesNotContain(StatusCode.Unknown, refusals);
                Assert.InRange(open, 1, DescriptorLimit / 4);
                Assert.False(api.HasExited);
                Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await api.HealthAsync());
                Assert.Equal(node.ChainId, (await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest())).ChainId);
                Assert.Equal(open, Directory.EnumerateFiles(temp, "*.part").Count()); // each open upload holds its temp file
                // The cap is a quarter of the descriptors left after what the node itself holds (its assemblies alone
                // take a few hundred), not a quarter of the limit: 128 spooled uploads exhausted a 512 limit.
                var cap = int.Parse(System.Text.RegularExpressions.Regex.Match(api.Output, @"Call limits: uploads (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(cap, 1, DescriptorLimit / 4 - 1);
                Assert.InRange(Directory.EnumerateFiles(temp, "*.part").Count(), 1, cap);
            }
            finally
            {
                foreach (var call in calls) call.Dispose();
            }

            Assert.True(await IdleUploadTests.EventuallyAsync(() => !Directory.EnumerateFiles(temp, "*.part").Any(), TimeSpan.FromSeconds(10)));
            Assert.False(api.HasExited);
            Assert.DoesNotContain("Out of memory", api.Output);
            Assert.DoesNotContain("Too many open files", api.Output);
        }
        finally
        {
            await api.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}
