using Grpc.Core;
using Grpc.Core.Interceptors;
using Trace.Client.Access;
using Trace.Crypto;

namespace Trace.Api.Tests.Support;

/// <summary>A channel's calls signed in as one key (the client library's sign-in and token cache), for tests that act as a given participant or admin.</summary>
internal static class SignedInChannel
{
    /// <summary>Every call over <paramref name="channel"/> carries <paramref name="key"/>'s access token.</summary>
    public static CallInvoker As(ChannelBase channel, EthereumKey key) =>
        channel.Intercept(new AccessTokenInterceptor(new KeyAccessTokenProvider(channel.CreateCallInvoker(), key)));
}
