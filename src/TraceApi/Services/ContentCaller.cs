using Grpc.Core;
using Trace.Node.Access;

namespace Trace.Api.Services;

/// <summary>
/// The caller of a call, as the sign-in interceptor recorded it (the same slot <c>context.GetCaller()</c> reads);
/// <see cref="Caller.Anonymous"/> when none did.
/// </summary>
internal static class ContentCaller
{
    // The ServerCallContext.UserState key the authentication interceptor stores the resolved caller under.
    private const string UserStateKey = "trace.caller";

    public static Caller Of(ServerCallContext context) =>
        context.UserState.TryGetValue(UserStateKey, out var caller) && caller is Caller known ? known : Caller.Anonymous;
}
