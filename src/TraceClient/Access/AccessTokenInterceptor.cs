using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Trace.Client.Access;

/// <summary>
/// Adds <c>authorization: Bearer &lt;token&gt;</c> to every call, the token chosen by an <see cref="IAccessTokenProvider"/>
/// (signing in when needed), so code written against the generated clients needs no change:
/// <c>new EvidenceService.EvidenceServiceClient(channel.Intercept(new AccessTokenInterceptor(provider)))</c>.
/// </summary>
/// <remarks>The call starts once the token is known; until then its response, headers and status wait for it.</remarks>
public sealed class AccessTokenInterceptor(IAccessTokenProvider provider) : Interceptor
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var token = provider.GetTokenAsync(context.Method.FullName, request, context.Options.CancellationToken).AsTask().GetAwaiter().GetResult();
        return continuation(request, With(context, token));
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = new DeferredCall<AsyncUnaryCall<TResponse>>(StartAsync(context, request, token => continuation(request, token)));
        return new AsyncUnaryCall<TResponse>(call.Then(c => c.ResponseAsync), call.Then(c => c.ResponseHeadersAsync),
            () => call.Status(c => c.GetStatus()), () => call.Get(c => c.GetTrailers()), call.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = new DeferredCall<AsyncServerStreamingCall<TResponse>>(StartAsync(context, request, token => continuation(request, token)));
        return new AsyncServerStreamingCall<TResponse>(new DeferredReader<TResponse, AsyncServerStreamingCall<TResponse>>(call.Task, c => c.ResponseStream), call.Then(c => c.ResponseHeadersAsync),
            () => call.Status(c => c.GetStatus()), () => call.Get(c => c.GetTrailers()), call.Dispose);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context,
        AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var (call, writer) = StartStreaming(context, c => continuation(c), c => c.RequestStream);
        return new AsyncClientStreamingCall<TRequest, TResponse>(writer, call.Then(c => c.ResponseAsync), call.Then(c => c.ResponseHeadersAsync),
            () => call.Status(c => c.GetStatus()), () => call.Get(c => c.GetTrailers()), call.Dispose);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context,
        AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var (call, writer) = StartStreaming(context, c => continuation(c), c => c.RequestStream);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(writer, new DeferredReader<TResponse, AsyncDuplexStreamingCall<TRequest, TResponse>>(call.Task, c => c.ResponseStream), call.Then(c => c.ResponseHeadersAsync),
            () => call.Status(c => c.GetStatus()), () => call.Get(c => c.GetTrailers()), call.Dispose);
    }

    private (DeferredCall<TCall> Call, DeferredWriter<TRequest, TCall> Writer) StartStreaming<TRequest, TResponse, TCall>(
        ClientInterceptorContext<TRequest, TResponse> context, Func<ClientInterceptorContext<TRequest, TResponse>, TCall> start,
        Func<TCall, IClientStreamWriter<TRequest>> requestStream)
        where TRequest : class where TResponse : class where TCall : IDisposable
    {
        if (!provider.NeedsFirstMessage(context.Method.FullName))
        {
            var call = new DeferredCall<TCall>(StartAsync(context, null, c => start(c)));
            return (call, new DeferredWriter<TRequest, TCall>(call.Task, requestStream, null));
        }
        var first = new TaskCompletionSource<TRequest?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var deferred = new DeferredCall<TCall>(StartAfterFirstAsync());
        return (deferred, new DeferredWriter<TRequest, TCall>(deferred.Task, requestStream, first));

        async Task<TCall> StartAfterFirstAsync()
        {
            var message = await first.Task.ConfigureAwait(false);
            return await StartAsync(context, message, c => start(c)).ConfigureAwait(false);
        }
    }

    private async Task<TCall> StartAsync<TRequest, TResponse, TCall>(ClientInterceptorContext<TRequest, TResponse> context, object? request,
        Func<ClientInterceptorContext<TRequest, TResponse>, TCall> start)
        where TRequest : class where TResponse : class
    {
        var token = await provider.GetTokenAsync(context.Method.FullName, request, context.Options.CancellationToken).ConfigureAwait(false);
        return start(With(context, token));
    }

    private static ClientInterceptorContext<TRequest, TResponse> With<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, string? token)
        where TRequest : class where TResponse : class
    {
        if (token is null) return context;
        var headers = new Metadata();
        if (context.Options.Headers is { } existing)
        {
            if (existing.Get("authorization") is not null) return context; // the caller chose its own token
            foreach (var entry in existing) headers.Add(entry);
        }
        headers.Add("authorization", "Bearer " + token);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }
}
