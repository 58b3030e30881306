using System.ComponentModel.DataAnnotations;

namespace Trace.Chain.Rpc;

/// <summary>How Trace talks to an EVM node over JSON-RPC.</summary>
public sealed class JsonRpcOptions
{
    /// <summary>Per-request timeout. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a transient fault is retried before giving up. Default 5.</summary>
    [Range(0, 50)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>First retry delay; doubles each attempt with jitter. Default 200 ms.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one retry delay. Default 5 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);
}
