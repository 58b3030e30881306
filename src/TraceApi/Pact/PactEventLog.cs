using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Trace.Node;

namespace Trace.Api.Pact;

/// <summary>
/// Where POST /2/events puts what it accepts: one JSON line per event in {DataDirectory}/pact/events.jsonl (received-at,
/// client id, the event, and for a footprint request the Fulfilled or Rejected answer Trace prepared), appended and
/// flushed before the API answers 200.
/// </summary>
public sealed class PactEventLog(IOptions<TraceNodeOptions> node)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The file events are appended to.</summary>
    public string FilePath => Path.Combine(node.Value.DataDirectoryFullPath, "pact", "events.jsonl");

    /// <summary>Appends one entry.</summary>
    public async Task AppendAsync(JsonObject entry, CancellationToken ct)
    {
        var line = entry.ToJsonString() + "\n";
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read);
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(line), ct).ConfigureAwait(false);
            await stream.FlushAsync(ct).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }
}
