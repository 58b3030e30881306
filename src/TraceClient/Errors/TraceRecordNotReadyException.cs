using Grpc.Core;

namespace Trace.Client;

/// <summary>The record is not in a state for the call, e.g. no proof bundle while PENDING (FAILED_PRECONDITION).</summary>
public sealed class TraceRecordNotReadyException(string message, Exception? inner = null)
    : TraceClientException(StatusCode.FailedPrecondition, message, inner);
