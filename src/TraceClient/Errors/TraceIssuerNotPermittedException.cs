using Grpc.Core;

namespace Trace.Client;

/// <summary>The issuer is unknown, suspended or lacks the role for the claim's kind (PERMISSION_DENIED).</summary>
public sealed class TraceIssuerNotPermittedException(string message, Exception? inner = null)
    : TraceClientException(StatusCode.PermissionDenied, message, inner);
