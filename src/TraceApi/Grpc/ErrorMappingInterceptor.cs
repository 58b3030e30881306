using Grpc.Core;
using Grpc.Core.Interceptors;
using Trace.Node.Contracts;
using Trace.Node.Evidence;
using ChainRpcException = Trace.Node.Evm.Rpc.RpcException;
using RpcTransportException = Trace.Node.Evm.Rpc.RpcTransportException;
using Trace.Node.Storage;

namespace Trace.Api.Grpc;

/// <summary>
/// Turns engine exceptions into gRPC statuses with messages that name the field, so every service
/// answers bad input the same way; anything unexpected becomes INTERNAL with a log entry, never a crash.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (Exception ex) when (Map(ex, context) is { } mapped) { throw mapped; }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(requestStream, context); }
        catch (Exception ex) when (Map(ex, context) is { } mapped) { throw mapped; }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (Exception ex) when (Map(ex, context) is { } mapped) { throw mapped; }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(requestStream, responseStream, context); }
        catch (Exception ex) when (Map(ex, context) is { } mapped) { throw mapped; }
    }

    private RpcException? Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case RpcException:
                return null;
            case InvalidFieldException e:
                return Status(StatusCode.InvalidArgument, e.Message);
            case InvalidCursorException:
                return Status(StatusCode.InvalidArgument, "page_token: not a token this server issued");
            case IssuerNotPermittedException e:
                return Status(StatusCode.PermissionDenied, e.Message);
            case RecordNotFoundException e:
                return Status(StatusCode.NotFound, $"record_id: {e.Message}");
            case RecordStateException e:
                return Status(StatusCode.FailedPrecondition, e.Message);
            case ContractCallException e:
                return Status(StatusCode.FailedPrecondition, $"the registry refused {e.Function}: {e.ErrorName ?? "revert"} {e.Revert.Message}".TrimEnd());
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return Status(StatusCode.Cancelled, "the call was cancelled");
            case IOException when context.CancellationToken.IsCancellationRequested:
                return Status(StatusCode.Cancelled, "the client went away");
            case RpcTransportException or ChainRpcException { IsTransient: true } or HttpRequestException or TimeoutException:
                LogChainUnavailable(logger, exception.GetType().Name, context.Method);
                return Status(StatusCode.Unavailable, "the chain node is unreachable; retry later");
            default:
                var incident = Guid.NewGuid().ToString("N")[..12];
                LogUnexpected(logger, exception, context.Method, incident);
                return Status(StatusCode.Internal, $"internal error (incident {incident})");
        }
    }

    private static RpcException Status(StatusCode code, string message) => new(new Status(code, message));

    [LoggerMessage(5000, LogLevel.Error, "Unexpected error in {Method} (incident {Incident})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string incident);

    [LoggerMessage(5001, LogLevel.Warning, "Chain unreachable during {Method}: {Kind}")]
    private static partial void LogChainUnavailable(ILogger logger, string kind, string method);
}
