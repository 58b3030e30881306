using Trace.Api.Tests.Support;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Participants;

/// <summary>ParticipantService clients as the onboarding tests need them: signed in as the registry admin, or with no token at all.</summary>
internal static class AdminChannel
{
    /// <summary>The embedded node's default admin key: Anvil development account #1 (0x70997970C51812dc3A010C7d01b50e0d17dc79C8).</summary>
    public const string EmbeddedAdminKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    private static readonly EthereumKey Admin = EthereumKey.FromHex(EmbeddedAdminKey);

    /// <summary>Signed in with the node's own default admin key, which the embedded deployment made registry admin.</summary>
    public static ParticipantService.ParticipantServiceClient AsAdmin(EvidenceNodeFixture node) =>
        new(SignedInChannel.As(node.Api.RawChannel, Admin));

    /// <summary>No token: the public directory reads.</summary>
    public static ParticipantService.ParticipantServiceClient Anonymous(EvidenceNodeFixture node) => new(node.Api.RawChannel);
}
