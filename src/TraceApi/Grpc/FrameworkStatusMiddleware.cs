using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Trace.Api.Grpc;

/// <summary>
/// Gives the faults grpc-dotnet meets before or after a service method (a message that is not protobuf, a body that
/// is not gzip under <c>grpc-encoding: gzip</c>, a length prefix past any limit) the status the gRPC spec names
/// instead of <c>UNKNOWN</c>: <c>RESOURCE_EXHAUSTED</c> for a message too large, <c>INTERNAL</c> for one that cannot be
/// decoded. Each is logged as one line, at most one per second (<see cref="MalformedRequestLog"/>).
/// </summary>
/// <remarks>
/// grpc-dotnet answers any exception that reaches it with UNKNOWN; with detailed errors on, the message names the
/// exception type, which is what this reads. Every exception inside a service method is already mapped by
/// <see cref="ErrorMappingInterceptor"/>, so only framework faults arrive here as UNKNOWN, and their detail is replaced
/// before it leaves the node.
/// </remarks>
public sealed class FrameworkStatusMiddleware(RequestDelegate next, MalformedRequestLog log)
{
    private const string Unknown = "2";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        // Trailers-only answers carry the status in the headers; others in the trailers.
        var headers = context.Response.HasStarted ? context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers : context.Response.Headers;
        if (headers is null || headers["grpc-status"] != Unknown) return;
        if (context.RequestAborted.IsCancellationRequested) return; // the client went away: no one reads the status, nothing was malformed
        var detail = Uri.UnescapeDataString(headers["grpc-message"].ToString());
        var (code, message) = Classify(detail);
        log.Malformed(context, detail);
        headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["grpc-message"] = Uri.EscapeDataString(message);
    }

    private static (StatusCode Code, string Message) Classify(string detail)
    {
        if (detail.Contains("InvalidProtocolBufferException", StringComparison.Ordinal))
            return (StatusCode.Internal, "the request message is not valid protobuf for this method");
        if (detail.Contains("exceeds the maximum", StringComparison.OrdinalIgnoreCase) || detail.Contains("too large", StringComparison.OrdinalIgnoreCase))
            return (StatusCode.ResourceExhausted, "the request message is larger than this node accepts");
        if (detail.Contains("InvalidDataException", StringComparison.Ordinal) || detail.Contains("compress", StringComparison.OrdinalIgnoreCase))
            return (StatusCode.Internal, "the request message could not be decompressed with its grpc-encoding");
        return (StatusCode.Internal, "the request could not be processed");
    }
}
