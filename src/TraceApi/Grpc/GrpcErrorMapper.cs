using Grpc.Core;
using Grpc.Core.Interceptors;
using Trace.Chain.Contracts;
using Trace.Domain;
using Trace.Node.Evidence;
using ChainRpcException = Trace.Chain.Rpc.RpcException;
using RpcTransportException = Trace.Chain.Rpc.RpcTransportException;
using Trace.Node.Storage;
using Trace.Node.Verification;

namespace Trace.Api.Grpc;

/// <summary>
/// Turns engine exceptions into gRPC statuses with messages that name the field, so every service answers bad input
/// the same way; anything unexpected becomes INTERNAL with a log entry (and an incident id), never a crash.
/// </summary>
/// <remarks>Used for whole calls by <see cref="ErrorMappingInterceptor"/> and for each record of a SubmitRecords stream.</remarks>
public sealed partial class GrpcErrorMapper(ILogger<GrpcErrorMapper> logger)
{
    /// <summary>The status for <paramref name="exception"/>, or null when it already is an <see cref="RpcException"/>.</summary>
    public Status? ToStatus(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case RpcException:
                return null;
            case InvalidFieldException e:
                return new Status(StatusCode.InvalidArgument, e.Message);
            case InvalidCursorException:
                return new Status(StatusCode.InvalidArgument, "page_token: not a token this server issued");
            case IssuerNotPermittedException e:
                return new Status(StatusCode.PermissionDenied, e.Message);
            case RecordNotFoundException e:
                return new Status(StatusCode.NotFound, $"record_id: {e.Message}");
            case RecordStateException e:
                return new Status(StatusCode.FailedPrecondition, e.Message);
            case ChainMismatchException e:
                return new Status(StatusCode.FailedPrecondition, e.Message);
            case ContractCallException e:
                return new Status(StatusCode.FailedPrecondition, $"the registry refused {e.Function}: {e.ErrorName ?? "revert"} {e.Revert.Message}".TrimEnd());
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new Status(StatusCode.Cancelled, "the call was cancelled");
            case IOException when context.CancellationToken.IsCancellationRequested:
                return new Status(StatusCode.Cancelled, "the client went away");
            case RpcTransportException or ChainRpcException { IsTransient: true } or HttpRequestException or TimeoutException:
                LogChainUnavailable(logger, exception.GetType().Name, context.Method);
                return new Status(StatusCode.Unavailable, "the chain node is unreachable; retry later");
            default:
                var incident = Guid.NewGuid().ToString("N")[..12];
                LogUnexpected(logger, exception, context.Method, incident);
                return new Status(StatusCode.Internal, $"internal error (incident {incident})");
        }
    }

    [LoggerMessage(5000, LogLevel.Error, "Unexpected error in {Method} (incident {Incident})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string incident);

    [LoggerMessage(5001, LogLevel.Warning, "Chain unreachable during {Method}: {Kind}")]
    private static partial void LogChainUnavailable(ILogger logger, string kind, string method);
}
