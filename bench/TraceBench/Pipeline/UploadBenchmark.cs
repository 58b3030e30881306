using System.Diagnostics;
using System.Security.Cryptography;
using Google.Protobuf;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Bench.Pipeline;

/// <summary><c>upload [MiB]</c>: streams one large document through SubmitDocument; reports MB/s and the server's memory growth.</summary>
internal static class UploadBenchmark
{
    private const int Chunk = 1024 * 1024;

    public static async Task RunAsync(string[] args)
    {
        var mib = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1024;
        var data = Path.Combine(Path.GetTempPath(), "trace-upload-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string> { ["Trace:Blobs:MaxBlobBytes"] = ((long)(mib + 1) * Chunk).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var node = await BenchNode.StartAsync(data, settings);
        using var key = EthereumKey.Generate();
        await node.RegisterAsync([key.Address], ParticipantRoles.Supplier);

        // The client must know the hash before it signs; the same pseudo-random bytes are generated twice.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[Chunk];
        for (var i = 0; i < mib; i++) { Fill(buffer, i); hash.AppendData(buffer); }
        var signed = node.SignerFor(key).Sign(hash.GetHashAndReset(), RecordKind.EnvironmentalImpactReport, "urn:trace:upload:big");

        GC.Collect();
        await Task.Delay(1000);
        var before = node.Api.Memory();
        var evidence = new EvidenceService.EvidenceServiceClient(node.Authorized(node.Api.Channel));
        var clock = Stopwatch.StartNew();
        using var call = evidence.SubmitDocument();
        await call.RequestStream.WriteAsync(new SubmitDocumentRequest { Header = new SubmitDocumentHeader { SignedClaim = signed, SubjectId = "urn:trace:upload:big", MediaType = "application/octet-stream", ContentLength = (ulong)mib * Chunk } });
        for (var i = 0; i < mib; i++)
        {
            Fill(buffer, i);
            await call.RequestStream.WriteAsync(new SubmitDocumentRequest { Chunk = ByteString.CopyFrom(buffer) });
        }
        await call.RequestStream.CompleteAsync();
        var response = await call;
        var elapsed = clock.Elapsed;
        var after = node.Api.Memory();
        Console.WriteLine($"uploaded {mib:N0} MiB in {elapsed.TotalSeconds:F2} s = {mib / elapsed.TotalSeconds:N0} MiB/s; record {response.Record.Id} created={response.Created}");
        Console.WriteLine($"server RSS before {before.Rss / 1048576.0:N1} MiB, after {after.Rss / 1048576.0:N1} MiB, peak {after.Peak / 1048576.0:N1} MiB: growth to peak {(after.Peak - before.Rss) / 1048576.0:N1} MiB");
        try { Directory.Delete(data, true); } catch (IOException) { }
    }

    private static void Fill(byte[] buffer, int index)
    {
        // Cheap deterministic bytes: a counter pattern keyed by the chunk index (content does not matter for speed).
        var span = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(buffer.AsSpan());
        for (var j = 0; j < span.Length; j++) span[j] = ((long)index << 32) ^ (j * unchecked((long)0x9E3779B97F4A7C15UL));
    }
}
