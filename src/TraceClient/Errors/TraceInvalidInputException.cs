using Grpc.Core;

namespace Trace.Client;

/// <summary>The node refused the input (INVALID_ARGUMENT); <see cref="Field"/> names the offending field when it says.</summary>
public sealed class TraceInvalidInputException(string? field, string message, Exception? inner = null)
    : TraceClientException(StatusCode.InvalidArgument, message, inner)
{
    /// <summary>The proto field path the node named, e.g. "record_json.salt", or null.</summary>
    public string? Field { get; } = field;
}
