using Grpc.Core;
using Trace.Node.Access;

namespace Trace.Api.Access;

/// <summary><c>context.GetCaller()</c>: who is calling, as <see cref="AuthenticationInterceptor"/> resolved it for this call.</summary>
public static class CallerContextExtensions
{
    internal const string UserStateKey = "trace.caller";

    /// <summary>The caller of this call; <see cref="Caller.Anonymous"/> when no token was sent.</summary>
    public static Caller GetCaller(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserState.TryGetValue(UserStateKey, out var caller) && caller is Caller known ? known : Caller.Anonymous;
    }

    internal static void SetCaller(this ServerCallContext context, Caller caller) => context.UserState[UserStateKey] = caller;
}
