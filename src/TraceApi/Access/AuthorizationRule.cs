namespace Trace.Api.Access;

/// <summary>One row of <see cref="AuthorizationTable"/>: an RPC, who may call it, and the rule on what it touches.</summary>
/// <param name="Method">The full gRPC method name, "/package.Service/Method".</param>
/// <param name="Allowed">The callers the interceptor lets through.</param>
/// <param name="ResourceRule">What the service then checks about the request itself (empty: nothing more); shown in docs/access.md.</param>
public sealed record AuthorizationRule(string Method, Audience Allowed, string ResourceRule = "")
{
    /// <summary>True when a caller with no token may call.</summary>
    public bool IsPublic => Allowed.HasFlag(Audience.Anonymous);
}
