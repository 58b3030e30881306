using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Trace.Node;
using Trace.Node.Rebuild;
using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>trace.v1.IndexAdminService: rebuilds the index from the blob store and the chain into a new file.</summary>
public sealed partial class IndexAdminGrpcService(IndexRebuilder rebuilder, IOptions<TraceNodeOptions> node, TimeProvider clock) : IndexAdminService.IndexAdminServiceBase
{
    public override async Task<RebuildIndexResponse> RebuildIndex(RebuildIndexRequest request, ServerCallContext context)
    {
        var name = string.IsNullOrEmpty(request.Name)
            ? "trace-" + clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".db"
            : request.Name;
        if (!FileName().IsMatch(name))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "name: must be a plain file name of letters, digits, '-', '_' and '.', at most 100 characters, ending in .db"));
        var directory = Path.Combine(node.Value.DataDirectoryFullPath, "rebuilds");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        if (File.Exists(path)) throw new RpcException(new Status(StatusCode.AlreadyExists, $"name: a rebuild named {name} exists"));
        // Built under a temporary name and renamed when complete: a node killed mid-rebuild leaves only a .partial file
        // (never served, replaced by the next rebuild of that name), not a half-built index under the final name.
        var partial = path + ".partial";
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(partial + suffix);
        var report = await rebuilder.RebuildAsync(partial, context.CancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // no connection keeps the file open while it is renamed
        File.Move(partial, path);
        var response = new RebuildIndexResponse
        {
            DatabasePath = path,
            Records = (ulong)report.Records,
            Batches = (ulong)report.Batches,
            AnchoredBatches = (ulong)report.Anchored,
            WithdrawnRecords = (ulong)report.Withdrawn,
            RpcCalls = (ulong)report.RpcCalls,
            ElapsedMs = (ulong)report.Elapsed.TotalMilliseconds,
        };
        response.Problems.AddRange(report.Unreadable);
        response.Refused.AddRange(report.Refused);
        return response;
    }

    [GeneratedRegex(@"^(?!\.)[A-Za-z0-9._-]{1,97}\.db$")]
    private static partial Regex FileName();
}
