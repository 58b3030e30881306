using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;
using Trace.Api.Hosting;

namespace Trace.Api.Grpc;

/// <summary>
/// Ends a client-streaming or bidirectional call with <c>DEADLINE_EXCEEDED</c> when the client sends no message for
/// <see cref="CallLimitsOptions.UploadIdleTimeout"/>, so an idle upload cannot hold its temp file and memory forever.
/// </summary>
public sealed class UploadIdleTimeoutInterceptor(IOptions<CallLimitsOptions> options) : Interceptor
{
    private readonly TimeSpan _idle = options.Value.UploadIdleTimeout;

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new IdleTimeoutReader<TRequest>(requestStream, _idle, context.CancellationToken), context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new IdleTimeoutReader<TRequest>(requestStream, _idle, context.CancellationToken), responseStream, context);

    /// <summary>Each MoveNext waits at most the idle timeout for the next message.</summary>
    private sealed class IdleTimeoutReader<T>(IAsyncStreamReader<T> inner, TimeSpan idle, CancellationToken call) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call);
            timeout.CancelAfter(idle);
            try
            {
                return await inner.MoveNext(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException && timeout.IsCancellationRequested
                                       && !cancellationToken.IsCancellationRequested && !call.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"no message for {idle.TotalSeconds:0.###} s; the upload was ended and nothing was stored"));
            }
        }
    }
}
