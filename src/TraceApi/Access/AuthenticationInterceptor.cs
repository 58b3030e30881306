using Grpc.Core;
using Grpc.Core.Interceptors;
using Trace.Node.Access;

namespace Trace.Api.Access;

/// <summary>
/// Reads the <c>authorization: Bearer &lt;token&gt;</c> metadata of every call into its <see cref="Caller"/>
/// (<see cref="CallerContextExtensions.GetCaller"/>), then lets <see cref="AuthorizationTable"/> decide.
/// A token that is sent and not valid ends the call with UNAUTHENTICATED, even on a public RPC, so a client learns
/// at once that it must sign in again; no token at all is the anonymous caller.
/// </summary>
public sealed class AuthenticationInterceptor(CallerResolver resolver) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context).ConfigureAwait(false);
        return await continuation(request, context).ConfigureAwait(false);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context).ConfigureAwait(false);
        return await continuation(requestStream, context).ConfigureAwait(false);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context).ConfigureAwait(false);
        await continuation(request, responseStream, context).ConfigureAwait(false);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context).ConfigureAwait(false);
        await continuation(requestStream, responseStream, context).ConfigureAwait(false);
    }

    private async Task AdmitAsync(ServerCallContext context)
    {
        Caller caller;
        try
        {
            caller = await resolver.ResolveAsync(context.RequestHeaders.GetValue("authorization"), context.CancellationToken).ConfigureAwait(false);
        }
        catch (SignInRefusedException e)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, e.Message));
        }
        context.SetCaller(caller);
    }
}
