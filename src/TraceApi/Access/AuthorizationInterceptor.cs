using Grpc.Core;
using Grpc.Core.Interceptors;
using Trace.Chain.Contracts.Registries;
using Trace.Node.Access;

namespace Trace.Api.Access;

/// <summary>
/// Enforces <see cref="AuthorizationTable"/>'s columns on every call, after <see cref="AuthenticationInterceptor"/>
/// named the caller: no token on a non-public RPC is UNAUTHENTICATED ("sign in"), a token whose roles the row does
/// not allow is PERMISSION_DENIED naming the roles needed, an RPC the table does not list is PERMISSION_DENIED to all.
/// </summary>
public sealed class AuthorizationInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, responseStream, context);
    }

    private static void Admit(ServerCallContext context)
    {
        if (Decide(context.Method, context.GetCaller()) is { } refusal) throw new RpcException(refusal);
    }

    /// <summary>Null when <paramref name="caller"/> may call <paramref name="method"/>, else the status to end the call with.</summary>
    public static Status? Decide(string method, Caller caller)
    {
        var rule = AuthorizationTable.Find(method);
        if (rule is null) return new Status(StatusCode.PermissionDenied, $"{method} is not in the authorization table; nobody may call it");
        if (rule.IsPublic) return null;
        if (caller.IsAnonymous) return new Status(StatusCode.Unauthenticated, $"{method} needs an access token: sign in with SignInService and send \"authorization: Bearer <token>\"");
        if (IsAllowed(rule.Allowed, caller)) return null;
        return new Status(StatusCode.PermissionDenied,
            $"{method} is for {Describe(rule.Allowed)}; the caller {caller.Key} ({Describe(AudienceOf(caller))}) is none of these");
    }

    /// <summary>The columns <paramref name="caller"/> falls under.</summary>
    public static Audience AudienceOf(Caller caller)
    {
        if (caller.IsAnonymous) return Audience.Anonymous;
        var audience = Audience.AnySignedIn;
        if (caller.IsAdmin) audience |= Audience.Admin;
        if (caller.HasAnyRole(ParticipantRoles.Supplier)) audience |= Audience.Supplier;
        if (caller.HasAnyRole(ParticipantRoles.Carrier)) audience |= Audience.Carrier;
        if (caller.HasAnyRole(ParticipantRoles.Verifier)) audience |= Audience.Verifier;
        if (caller.HasAnyRole(ParticipantRoles.Regulator)) audience |= Audience.Regulator;
        if (caller.HasAnyRole(ParticipantRoles.Buyer)) audience |= Audience.Buyer;
        return audience;
    }

    private static bool IsAllowed(Audience allowed, Caller caller) => (allowed & AudienceOf(caller)) != 0;

    private static string Describe(Audience audience)
    {
        var names = new List<string>();
        foreach (var (flag, name) in new[] { (Audience.Admin, "admin"), (Audience.Supplier, "supplier"), (Audience.Carrier, "carrier"),
                     (Audience.Verifier, "verifier"), (Audience.Regulator, "regulator"), (Audience.Buyer, "buyer") })
            if (audience.HasFlag(flag)) names.Add(name);
        if (names.Count == 0) names.Add(audience.HasFlag(Audience.AnySignedIn) ? "signed in, no listed role" : "nobody");
        return string.Join(", ", names);
    }
}
