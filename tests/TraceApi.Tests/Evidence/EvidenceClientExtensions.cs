using Google.Protobuf;
using Grpc.Core;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>Client-side helpers the tests share: upload a document in chunks, wait for a status.</summary>
internal static class EvidenceClientExtensions
{
    public static async Task<SubmitDocumentResponse> UploadAsync(this EvidenceService.EvidenceServiceClient client, SubmitDocumentHeader header, byte[] content, int chunkSize = 64 * 1024)
    {
        using var call = client.SubmitDocument();
        try
        {
            await call.RequestStream.WriteAsync(new SubmitDocumentRequest { Header = header });
            for (var offset = 0; offset < content.Length; offset += chunkSize)
                await call.RequestStream.WriteAsync(new SubmitDocumentRequest { Chunk = ByteString.CopyFrom(content, offset, Math.Min(chunkSize, content.Length - offset)) });
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
            // The server refused the upload early (e.g. a bad header) and ended the call: its status is the answer.
        }
        return await call.ResponseAsync;
    }

    public static async Task<EvidenceRecord> WaitForStatusAsync(this EvidenceService.EvidenceServiceClient client, string recordId, RecordStatus status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var record = (await client.GetRecordAsync(new GetRecordRequest { RecordId = recordId })).Record;
            if (record.Status >= status) return record;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"record {recordId} stayed {record.Status}, expected {status}");
            await Task.Delay(200);
        }
    }

    public static async Task<RpcException> ExpectErrorAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RpcException ex)
        {
            return ex;
        }
        throw new Xunit.Sdk.XunitException("the call succeeded but an error status was expected");
    }
}
