using Google.Protobuf;
using Grpc.Core;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Access;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Access;

/// <summary>Challenges expire (Trace:Access:ChallengeLifetime, 3 s on this node); tokens carry the key's current standing.</summary>
[Collection(AccessNodeCollection.Name)]
public sealed class ChallengeExpiryTests(AccessNodeFixture node)
{
    [Fact]
    public async Task A_challenge_answered_after_it_expired_is_refused_with_Unauthenticated()
    {
        var key = await node.RegisterAsync(ParticipantRoles.Supplier);
        var client = new SignInService.SignInServiceClient(node.Raw);
        var challenge = await client.GetSignInChallengeAsync(new GetSignInChallengeRequest { Address = key.Address.ToString() });
        await Task.Delay(AccessNodeFixture.ChallengeLifetime + TimeSpan.FromMilliseconds(500));

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.SignInAsync(new SignInRequest { Message = challenge.Message, Signature = ByteString.CopyFrom(SignInClient.Sign(key, challenge.Message)) }));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("message: the challenge expired at", refused.Status.Detail);
    }

    [Fact]
    public async Task A_role_revoked_on_chain_is_refused_on_the_next_calls_without_signing_in_again()
    {
        var key = await node.RegisterAsync(ParticipantRoles.Supplier | ParticipantRoles.Buyer);
        var token = (await SignInClient.SignInAsync(node.Raw, key)).AccessToken;
        var lineage = new LineageService.LineageServiceClient(node.Raw);
        var request = new GetUpstreamLineageRequest { BatchId = "urn:trace:batch:not-mine" };
        var before = await Assert.ThrowsAsync<RpcException>(async () => await lineage.GetUpstreamLineageAsync(request, AccessNodeFixture.Bearer(token)));
        Assert.StartsWith("batch_id:", before.Status.Detail); // let through by the table, refused by the reach rule

        await node.Registry.RevokeRolesAsync(Trace.Crypto.Keccak256.Hash(key.Address.ToArray()), ParticipantRoles.Supplier | ParticipantRoles.Buyer);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var after = await Assert.ThrowsAsync<RpcException>(async () => await lineage.GetUpstreamLineageAsync(request, AccessNodeFixture.Bearer(token)));
            if (after.Status.Detail.StartsWith("/trace.v1.LineageService/GetUpstreamLineage is for", StringComparison.Ordinal))
            {
                Assert.Equal(StatusCode.PermissionDenied, after.StatusCode);
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "the revoked roles still counted 10 s after the transaction");
            await Task.Delay(100);
        }
    }
}
