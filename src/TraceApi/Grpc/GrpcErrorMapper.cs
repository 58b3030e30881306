using System.Net.Sockets;
using Google.Protobuf;
using Grpc.Core;
using Trace.Chain.Contracts;
using Trace.Client.Verification;
using Trace.Domain;
using Trace.Node.Access;
using Trace.Node.Assurance;
using Trace.Node.Blobs;
using Trace.Node.Carbon.Factors;
using Trace.Node.ContentAccess;
using Trace.Node.Decisions;
using Trace.Node.Decisions.Lanes;
using Trace.Node.Evidence;
using Trace.Node.Limits;
using Trace.Node.Participants;
using Trace.Node.Storage;
using ChainRpcException = Trace.Chain.Rpc.RpcException;
using RpcTransportException = Trace.Chain.Rpc.RpcTransportException;

namespace Trace.Api.Grpc;

/// <summary>
/// Turns engine exceptions into gRPC statuses with messages that name the field, so every service answers bad input
/// the same way; anything unexpected becomes INTERNAL with a log entry (and an incident id), never a crash.
/// </summary>
/// <remarks>Used for whole calls by <see cref="ErrorMappingInterceptor"/> and for each record of a SubmitRecords stream.</remarks>
public sealed partial class GrpcErrorMapper(ILogger<GrpcErrorMapper> logger, MalformedRequestLog malformed)
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
            case SignInRefusedException e:
                return new Status(StatusCode.Unauthenticated, e.Message);
            case AccessDeniedException e:
                return new Status(StatusCode.PermissionDenied, e.Message);
            case TooManyChallengesException e:
                return new Status(StatusCode.ResourceExhausted, e.Message);
            case IssuerNotPermittedException e:
                return new Status(StatusCode.PermissionDenied, e.Message);
            case RecordNotFoundException e:
                return new Status(StatusCode.NotFound, $"record_id: {e.Message}");
            case FactorSetNotFoundException e:
                return new Status(StatusCode.NotFound, $"version: {e.Message}");
            case RecordStateException e:
                return new Status(StatusCode.FailedPrecondition, e.Message);
            case SubmissionLimitExceededException e:
                return new Status(StatusCode.ResourceExhausted, e.Message);
            case ContentAccessDeniedException e:
                return new Status(StatusCode.PermissionDenied, e.Message);
            case LaneOwnershipException e:
                return new Status(StatusCode.PermissionDenied, e.Message);
            case DecisionNotFoundException e:
                return new Status(StatusCode.NotFound, e.Message);
            case DecisionPreconditionException e:
                return new Status(StatusCode.FailedPrecondition, e.Message);
            case ContentGrantNotFoundException e:
                return new Status(StatusCode.NotFound, $"grant_id: {e.Message}");
            case BlobCorruptException e:
                // The stored bytes fail authentication: an operator matter, not the caller's; the message names no key.
                LogBlobCorrupt(logger, context.Method, e.Message);
                return new Status(StatusCode.DataLoss, e.Message);
            case ChainMismatchException e:
                return new Status(StatusCode.FailedPrecondition, e.Message);
            case ParticipantNotFoundException e:
                return new Status(StatusCode.NotFound, e.Message);
            case AdminKeyUnavailableException e:
                return new Status(StatusCode.FailedPrecondition, e.Message);
            case MarkAlreadyExistsException e:
                return new Status(StatusCode.AlreadyExists, e.Message);
            case FlagNotOpenException e:
                return new Status(StatusCode.NotFound, e.Message);
            case ContractCallException e when e.Contract == "ParticipantRegistry" && RegistryErrors.Describe(e.Revert) is { } refusal:
                return new Status(refusal.Kind switch
                {
                    RegistryRefusalKind.AlreadyExists => StatusCode.AlreadyExists,
                    RegistryRefusalKind.NotFound => StatusCode.NotFound,
                    RegistryRefusalKind.PermissionDenied => StatusCode.PermissionDenied,
                    RegistryRefusalKind.InvalidArgument => StatusCode.InvalidArgument,
                    _ => StatusCode.FailedPrecondition,
                }, $"the registry refused {e.Function}: {refusal.Message}");
            case ContractCallException e:
                return new Status(StatusCode.FailedPrecondition, $"the registry refused {e.Function}: {e.ErrorName ?? "revert"} {e.Revert.Message}".TrimEnd());
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new Status(StatusCode.Cancelled, "the call was cancelled");
            case IOException when context.CancellationToken.IsCancellationRequested:
                return new Status(StatusCode.Cancelled, "the client went away");
            case Exception when OutOfDescriptors(exception):
                // Checked before the transport faults: a socket that could not be opened for want of descriptors is the
                // node's exhaustion, not the chain node's absence.
                LogOutOfDescriptors(logger, context.Method);
                return new Status(StatusCode.ResourceExhausted, "the node has no file descriptors left; retry later");
            case Exception when TransientStoreFault.CannotOpen(exception):
                LogStoreUnavailable(logger, exception.GetType().Name, context.Method, exception.Message);
                return new Status(StatusCode.Unavailable, "the index database could not be opened; retry later");
            case RpcTransportException or ChainRpcException { IsTransient: true } or HttpRequestException or TimeoutException:
                LogChainUnavailable(logger, exception.GetType().Name, context.Method);
                return new Status(StatusCode.Unavailable, "the chain node is unreachable; retry later");
            case InvalidProtocolBufferException or InvalidDataException:
                // A client fault met while reading a stream's next message: one short line, rate-limited, no stack trace.
                malformed.Malformed(context.Method, context.Peer, $"{exception.GetType().Name}: {exception.Message}");
                return new Status(StatusCode.Internal, exception is InvalidDataException
                    ? "a request message could not be decompressed with its grpc-encoding"
                    : "a request message is not valid protobuf for this method");
            case Exception when TransientStoreFault.Is(exception):
                LogStoreUnavailable(logger, exception.GetType().Name, context.Method, exception.Message);
                return new Status(StatusCode.Unavailable, "the index is busy; retry later");
            default:
                var incident = Guid.NewGuid().ToString("N")[..12];
                LogUnexpected(logger, exception, context.Method, incident);
                return new Status(StatusCode.Internal, $"internal error (incident {incident})");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method}: {Reason}")]
    private static partial void LogBlobCorrupt(ILogger logger, string method, string reason);

    // EMFILE (24, this process) and ENFILE (23, the whole system): .NET carries them as an IOException's HResult, and
    // as SocketError.TooManyOpenSockets when a socket could not be made (wrapped in an HttpRequestException by HttpClient).
    private static bool OutOfDescriptors(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException && (e.HResult is 23 or 24 || e.Message.Contains("Too many open files", StringComparison.Ordinal))) return true;
            if (e is SocketException { SocketErrorCode: SocketError.TooManyOpenSockets }) return true;
        }
        return false;
    }


    [LoggerMessage(5000, LogLevel.Error, "Unexpected error in {Method} (incident {Incident})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string incident);

    [LoggerMessage(5001, LogLevel.Warning, "Chain unreachable during {Method}: {Kind}")]
    private static partial void LogChainUnavailable(ILogger logger, string kind, string method);

    [LoggerMessage(5002, LogLevel.Warning, "Out of file descriptors during {Method}; the call was refused")]
    private static partial void LogOutOfDescriptors(ILogger logger, string method);

    [LoggerMessage(5003, LogLevel.Warning, "Index busy during {Method}: {Kind}: {Message}")]
    private static partial void LogStoreUnavailable(ILogger logger, string kind, string method, string message);
}
