using Trace.Api.Tests.Support;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Decisions;

/// <summary>The lane catalogue signed in as the operator (admin), who may delete any lane; the test channel's reader is a carrier.</summary>
internal static class OperatorLanes
{
    private static readonly EthereumKey Admin = EthereumKey.FromHex(TestAccessTokens.AdminKey);

    public static LaneCatalogService.LaneCatalogServiceClient Client(EvidenceNodeFixture node) => new(SignedInChannel.As(node.Api.RawChannel, Admin));
}
