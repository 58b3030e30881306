using Grpc.Core;

namespace Trace.Client;

/// <summary>A Trace node refused or failed a call; <see cref="StatusCode"/> is the gRPC status it answered.</summary>
public class TraceClientException(StatusCode statusCode, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The gRPC status code of the answer.</summary>
    public StatusCode StatusCode { get; } = statusCode;

    /// <summary>The typed exception for a node's error answer.</summary>
    public static TraceClientException From(RpcException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var detail = ex.Status.Detail;
        return ex.StatusCode switch
        {
            StatusCode.InvalidArgument => new TraceInvalidInputException(FieldOf(detail), detail, ex),
            StatusCode.NotFound => new TraceRecordNotFoundException(detail, ex),
            StatusCode.PermissionDenied => new TraceIssuerNotPermittedException(detail, ex),
            StatusCode.FailedPrecondition => new TraceRecordNotReadyException(detail, ex),
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => new TraceNodeUnavailableException(ex.StatusCode, detail, ex),
            _ => new TraceClientException(ex.StatusCode, detail, ex),
        };
    }

    // The node's messages name the field first: "record_json.salt: must be ...".
    private static string? FieldOf(string detail)
    {
        var colon = detail.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !detail.AsSpan(0, colon).ContainsAny(' ', '\'') ? detail[..colon] : null;
    }
}
