using Grpc.Core;

namespace Trace.Client;

/// <summary>No record with that id (NOT_FOUND).</summary>
public sealed class TraceRecordNotFoundException(string message, Exception? inner = null)
    : TraceClientException(StatusCode.NotFound, message, inner);
