using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Trace.Api.Tests.Evidence;
using Trace.Client.Claims;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Limits;

/// <summary>Uploads that go idle end after the configured timeout with their temp file gone; uploads past the cap are refused.</summary>
public sealed class IdleUploadTests(LimitedNodeFixture node) : IClassFixture<LimitedNodeFixture>
{
    [Fact]
    public async Task An_idle_upload_ends_with_DeadlineExceeded_after_the_timeout_and_leaves_no_part_file()
    {
        var signer = await node.NewSupplierAsync();
        using var call = await OpenIdleUploadAsync(node.Evidence, signer);
        // 70,000 bytes are past the small-blob size: the upload is spooled to a temp file while it waits.
        Assert.True(await EventuallyAsync(() => Directory.EnumerateFiles(node.TempDirectory, "*.part").Any(), TimeSpan.FromSeconds(5)));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains("no message for 2 s", error.Status.Detail);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.True(await EventuallyAsync(() => !Directory.EnumerateFiles(node.TempDirectory, "*.part").Any(), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Uploads_beyond_the_per_caller_cap_are_refused_with_ResourceExhausted_and_the_open_ones_still_finish()
    {
        var signer = await node.NewSupplierAsync();
        var open = new List<AsyncClientStreamingCall<SubmitDocumentRequest, SubmitDocumentResponse>>();
        try
        {
            for (var i = 0; i < LimitedNodeFixture.UploadsPerCaller; i++) open.Add(await OpenIdleUploadAsync(node.Evidence, signer));
            await Task.Delay(300); // the server has taken the three places

            using var refused = await OpenIdleUploadAsync(node.Evidence, signer);
            var error = await Assert.ThrowsAsync<RpcException>(() => refused.ResponseAsync);
            Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
            Assert.Contains("too many uploads", error.Status.Detail);
        }
        finally
        {
            foreach (var call in open) call.Dispose();
        }

        // The places come back: a whole upload goes through once the idle ones are gone.
        var content = RandomNumberGenerator.GetBytes(100_000);
        var header = new SubmitDocumentHeader { SignedClaim = signer.Sign(SHA256.HashData(content), RecordKind.SupplierEsgFile, "urn:trace:after-cap"), SubjectId = "urn:trace:after-cap", MediaType = "application/octet-stream" };
        SubmitDocumentResponse? accepted = null;
        for (var attempt = 0; accepted is null; attempt++)
        {
            try { accepted = await node.Evidence.UploadAsync(header, content); }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted && attempt < 50) { await Task.Delay(100); }
        }
        Assert.True(accepted.Created);
        Assert.True(await EventuallyAsync(() => !Directory.EnumerateFiles(node.TempDirectory, "*.part").Any(), TimeSpan.FromSeconds(5)));
    }

    /// <summary>Sends a document's header and its first 70,000 bytes, then nothing: the call stays open, waiting for the rest.</summary>
    internal static async Task<AsyncClientStreamingCall<SubmitDocumentRequest, SubmitDocumentResponse>> OpenIdleUploadAsync(EvidenceService.EvidenceServiceClient client, ClaimSigner signer)
    {
        var content = RandomNumberGenerator.GetBytes(80_000);
        var subject = "urn:trace:idle:" + Guid.NewGuid().ToString("N")[..8];
        var call = client.SubmitDocument();
        try
        {
            await call.RequestStream.WriteAsync(new SubmitDocumentRequest { Header = new SubmitDocumentHeader { SignedClaim = signer.Sign(SHA256.HashData(content), RecordKind.SupplierEsgFile, subject), SubjectId = subject, MediaType = "application/octet-stream" } });
            await call.RequestStream.WriteAsync(new SubmitDocumentRequest { Chunk = ByteString.CopyFrom(content, 0, 70_000) });
        }
        catch (Exception ex) when (ex is RpcException or IOException or HttpRequestException or InvalidOperationException)
        {
            // Refused before the chunk was sent (its DATA may then race the server's reset): the status is in ResponseAsync.
        }
        return call;
    }

    internal static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50);
        }
        return true;
    }
}
