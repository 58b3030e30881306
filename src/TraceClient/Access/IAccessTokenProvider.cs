namespace Trace.Client.Access;

/// <summary>Chooses the access token of each call for <see cref="AccessTokenInterceptor"/>.</summary>
public interface IAccessTokenProvider
{
    /// <summary>
    /// True when the token of a client- or bidirectional-streaming call to <paramref name="method"/> depends on its first
    /// message: the call then starts when that message is written.
    /// </summary>
    bool NeedsFirstMessage(string method);

    /// <summary>The token for a call to <paramref name="method"/> ("/package.Service/Method"); null sends none.</summary>
    /// <param name="request">The request, or the first message of a stream when <see cref="NeedsFirstMessage"/>; else null.</param>
    ValueTask<string?> GetTokenAsync(string method, object? request, CancellationToken ct);
}
