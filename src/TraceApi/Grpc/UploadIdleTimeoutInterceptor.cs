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

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var reader = new IdleTimeoutReader<TRequest>(requestStream, _idle, context.CancellationToken);
        return await continuation(reader, context).ConfigureAwait(false);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var reader = new IdleTimeoutReader<TRequest>(requestStream, _idle, context.CancellationToken);
        await continuation(reader, responseStream, context).ConfigureAwait(false);
    }

    /// <summary>Each MoveNext waits at most the idle timeout for the next message.</summary>
    /// <remarks>
    /// One timeout source per stream, re-armed per message (a linked source and a timer per message cost a measurable
    /// part of a streamed record's server CPU); a new one only after a timeout fired.
    /// </remarks>
    private sealed class IdleTimeoutReader<T>(IAsyncStreamReader<T> inner, TimeSpan idle, CancellationToken call) : IAsyncStreamReader<T>, IDisposable
    {
        private CancellationTokenSource _timeout = CancellationTokenSource.CreateLinkedTokenSource(call);

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!_timeout.TryReset())
            {
                // It fired while the handler was busy between two reads (not waiting on the client): start afresh.
                _timeout.Dispose();
                _timeout = CancellationTokenSource.CreateLinkedTokenSource(call);
            }
            var timeout = _timeout;
            timeout.CancelAfter(idle);
            using var caller = cancellationToken.CanBeCanceled && cancellationToken != call
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token) : null;
            try
            {
                return await inner.MoveNext(caller?.Token ?? timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException && timeout.IsCancellationRequested
                                       && !cancellationToken.IsCancellationRequested && !call.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"no message for {idle.TotalSeconds:0.###} s; the upload was ended and nothing was stored"));
            }
        }

        public void Dispose() => _timeout.Dispose();
    }
}
