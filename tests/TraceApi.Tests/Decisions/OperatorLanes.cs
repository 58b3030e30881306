using Grpc.Core.Interceptors;
using Trace.Api.Tests.Support;
using Trace.Client.Access;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Decisions;

/// <summary>The lane catalogue signed in as the operator (admin), who may delete any lane; the test channel's reader is a carrier.</summary>
internal static class OperatorLanes
{
    public static LaneCatalogService.LaneCatalogServiceClient Client(EvidenceNodeFixture node) =>
        new(node.Api.RawChannel.Intercept(new AccessTokenInterceptor(new KeyAccessTokenProvider(node.Api.RawChannel.CreateCallInvoker(), EthereumKey.FromHex(TestAccessTokens.AdminKey)))));
}
