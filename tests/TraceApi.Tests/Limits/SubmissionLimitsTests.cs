using System.Globalization;
using System.Security.Cryptography;
using Grpc.Core;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Client.Claims;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Limits;

/// <summary>Per-participant submission rate and storage quota over gRPC: RESOURCE_EXHAUSTED naming the limit, others unaffected, the quota survives a restart.</summary>
public sealed class SubmissionLimitsTests : IAsyncLifetime
{
    private const int Burst = 3;
    private const int Quota = 10_000;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "trace-quota-" + Guid.NewGuid().ToString("N")[..8]);
    private TraceApiProcess _api = null!;
    private GetNodeInfoResponse _node = null!;

    private static Dictionary<string, string> Settings
    {
        get
        {
            var settings = EvidenceNodeFixture.Settings;
            settings["Trace:Limits:RecordsPerSecond"] = "0.001";
            settings["Trace:Limits:RecordsBurst"] = Burst.ToString(CultureInfo.InvariantCulture);
            settings["Trace:Limits:StorageQuotaBytes"] = Quota.ToString(CultureInfo.InvariantCulture);
            return settings;
        }
    }

    public async Task InitializeAsync() => await StartAsync();

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    private async Task StartAsync()
    {
        _api = await TraceApiProcess.StartAsync(_dataDirectory, Settings);
        _node = await new NodeService.NodeServiceClient(_api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
    }

    private Task<SubmitDocumentResponse> SubmitAsync(ClaimSigner signer, int length)
    {
        var content = RandomNumberGenerator.GetBytes(length);
        var subject = $"urn:trace:site:{Guid.NewGuid():N}";
        var signed = signer.Sign(SHA256.HashData(content), RecordKind.EnergyReading, subject);
        return new EvidenceService.EvidenceServiceClient(_api.Channel).UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = subject, MediaType = "application/octet-stream" }, content);
    }

    [Fact]
    public async Task Past_its_rate_a_participant_is_refused_with_resource_exhausted_while_another_submits()
    {
        var busy = await LimitedNodeFixture.NewSupplierAsync(_api, _node);
        var other = await LimitedNodeFixture.NewSupplierAsync(_api, _node);
        for (var i = 0; i < Burst; i++) await SubmitAsync(busy, 100);

        var refused = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(busy, 100));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("Trace:Limits:RecordsPerSecond", refused.Status.Detail);
        Assert.True((await SubmitAsync(other, 100)).Created);
    }

    [Fact]
    public async Task Past_its_storage_quota_a_participant_is_refused_and_a_restart_does_not_reset_the_count()
    {
        var supplier = await LimitedNodeFixture.NewSupplierAsync(_api, _node);
        Assert.True((await SubmitAsync(supplier, 6_000)).Created);

        var refused = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(supplier, 6_000));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("Trace:Limits:StorageQuotaBytes", refused.Status.Detail);

        await _api.DisposeAsync();
        await StartAsync();
        _api.Tokens.Keyring.Add(supplier.Key);
        var afterRestart = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync(supplier, 6_000));
        Assert.Equal(StatusCode.ResourceExhausted, afterRestart.StatusCode);
        Assert.True((await SubmitAsync(supplier, 3_000)).Created);
    }
}
