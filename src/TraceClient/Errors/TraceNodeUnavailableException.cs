using Grpc.Core;

namespace Trace.Client;

/// <summary>The node (or its chain) cannot be reached now; retrying later may succeed.</summary>
public sealed class TraceNodeUnavailableException(StatusCode statusCode, string message, Exception? inner = null)
    : TraceClientException(statusCode, message, inner);
