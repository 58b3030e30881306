using Grpc.Core;
using Microsoft.Data.Sqlite;
using Trace.Protos.V1;
using Trace.Api.Tests.Support;

namespace Trace.Api.Tests.Limits;

/// <summary>A store that is briefly locked answers UNAVAILABLE (retry later), never INTERNAL, and works again once the lock is gone.</summary>
public sealed class StoreBusyTests(LimitedNodeFixture node) : IClassFixture<LimitedNodeFixture>
{
    [Fact]
    public async Task A_submission_while_another_connection_holds_the_index_write_lock_answers_Unavailable_then_succeeds()
    {
        var signer = await node.NewSupplierAsync();
        var request = signer.StructuredRecord("urn:trace:busy:1", RecordKind.Batch, LineageBodies.Batch("urn:trace:busy:1"));

        var path = Path.Combine(node.DataDirectory, "trace.db");
        await using (var blocker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await blocker.OpenAsync();
            await using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;"; // the write lock, held past the node's 300 ms busy timeout
                await begin.ExecuteNonQueryAsync();
            }
            var error = await Assert.ThrowsAsync<RpcException>(() => node.Evidence.SubmitRecordAsync(request).ResponseAsync);
            Assert.Equal(StatusCode.Unavailable, error.StatusCode);
            Assert.Contains("retry later", error.Status.Detail);
            // Reads go on beside the writer (WAL).
            Assert.Equal(node.Node.ChainId, (await new NodeService.NodeServiceClient(node.Api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest())).ChainId);
            await using var rollback = blocker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        var accepted = await node.Evidence.SubmitRecordAsync(request);
        Assert.True(accepted.Created);
        Assert.DoesNotContain("incident", node.Api.Output);
    }
}
