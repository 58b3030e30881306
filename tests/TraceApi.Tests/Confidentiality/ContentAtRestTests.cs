using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Confidentiality;

/// <summary>Submitted content is encrypted at rest: no file the node writes holds it, yet it downloads and verifies unchanged.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class ContentAtRestTests(EvidenceNodeFixture node)
{
    [Fact]
    public async Task After_a_submission_no_file_under_the_data_directory_contains_the_plaintext()
    {
        var marker = $"TRACE-SECRET-{Guid.NewGuid():N}";
        var signer = node.NewSigner();
        await node.RegisterAsync(signer.Address, ParticipantRoles.Supplier);
        // One document small enough for the small-blob database, one large enough for a blob file of several segments.
        var small = Encoding.UTF8.GetBytes($"supplier energy bill, confidential: {marker}");
        var large = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"bill of materials line {marker}\n", 8000)));
        var ids = new List<string>();
        foreach (var (content, subject) in new[] { (small, "urn:trace:site:secret-small"), (large, "urn:trace:site:secret-large") })
        {
            var signed = signer.Sign(SHA256.HashData(content), RecordKind.EnergyReading, subject);
            ids.Add((await node.Evidence.UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = subject, MediaType = "text/plain" }, content, 10_000)).Record.Id);
        }
        await node.Evidence.WaitForStatusAsync(ids[1], RecordStatus.Anchored);

        var needle = Encoding.UTF8.GetBytes(marker);
        var scanned = 0;
        foreach (var file in Directory.EnumerateFiles(node.Api.DataDirectory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            try
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                bytes = copy.ToArray();
            }
            catch (FileNotFoundException) { continue; } // a temp file gone between listing and reading
            scanned++;
            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{Path.GetRelativePath(node.Api.DataDirectory, file)} holds the plaintext");
        }
        Assert.True(scanned > 3, $"only {scanned} files scanned");
        Assert.Contains(Directory.EnumerateFiles(node.Api.DataDirectory, "*", SearchOption.AllDirectories), f => f.EndsWith("small.db", StringComparison.Ordinal));

        // Still the same bytes for the reader, and still verifiable against the plaintext hash.
        Assert.Equal(large, await DownloadAsync(ids[1]));
        var verified = await node.Evidence.VerifyAsync(new VerifyRequest { RecordId = ids[0], Content = Google.Protobuf.ByteString.CopyFrom(small) });
        Assert.NotEqual(VerificationStatus.Tampered, verified.Result.Status);
    }

    private async Task<byte[]> DownloadAsync(string id)
    {
        using var call = node.Evidence.DownloadContent(new DownloadContentRequest { RecordId = id });
        using var buffer = new MemoryStream();
        await foreach (var part in call.ResponseStream.ReadAllAsync())
            if (part.PartCase == DownloadContentResponse.PartOneofCase.Chunk) buffer.Write(part.Chunk.Span);
        return buffer.ToArray();
    }
}
