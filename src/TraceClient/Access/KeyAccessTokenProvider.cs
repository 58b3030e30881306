using Grpc.Core;
using Trace.Crypto;

namespace Trace.Client.Access;

/// <summary>Every call signed in as one key (sign-in itself sends no token).</summary>
public sealed class KeyAccessTokenProvider(CallInvoker invoker, EthereumKey key) : IAccessTokenProvider
{
    private readonly AccessTokenCache _cache = new(invoker);

    public bool NeedsFirstMessage(string method) => false;

    public async ValueTask<string?> GetTokenAsync(string method, object? request, CancellationToken ct) =>
        method.StartsWith("/trace.v1.SignInService/", StringComparison.Ordinal) ? null : await _cache.GetAsync(key, ct).ConfigureAwait(false);
}
