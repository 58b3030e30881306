using Google.Protobuf;
using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Access;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Access;

/// <summary>Sign-in with a participant's own key over real gRPC: EIP-4361 challenge, personal_sign, access token.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class SignInTests(EvidenceNodeFixture fixture)
{
    private SignInService.SignInServiceClient Client => new(fixture.Api.RawChannel);

    [Fact]
    public async Task Sign_in_with_a_registered_key_answers_a_token_naming_its_participant_key_and_roles()
    {
        using var key = EthereumKey.Generate();
        await fixture.RegisterAsync(key.Address, ParticipantRoles.Supplier | ParticipantRoles.Carrier);

        var challenge = await Client.GetSignInChallengeAsync(new GetSignInChallengeRequest { Address = key.Address.ToLowerHex() });
        var response = await Client.SignInAsync(new SignInRequest { Message = challenge.Message, Signature = ByteString.CopyFrom(SignInClient.Sign(key, challenge.Message)) });

        Assert.StartsWith($"trace.local wants you to sign in with your Ethereum account:\n{key.Address}\n\nSign in to Trace.\n\nURI: https://trace.local/\nVersion: 1\nChain ID: {fixture.Node.ChainId}\nNonce: {challenge.Nonce}\nIssued At: ", challenge.Message);
        Assert.Equal(key.Address.ToString(), response.Key);
        Assert.Equal(Hex.Encode(EvidenceNodeFixture.ParticipantId(key.Address)), response.ParticipantId);
        Assert.Equal(["supplier", "carrier"], response.Roles);
        Assert.False(response.Admin);
        Assert.Equal(3, response.AccessToken.Split('.').Length);
        Assert.InRange(response.ExpiresAt.ToDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));
    }

    [Fact]
    public async Task A_signed_challenge_answered_twice_is_refused_the_second_time_with_Unauthenticated()
    {
        using var key = EthereumKey.Generate();
        await fixture.RegisterAsync(key.Address, ParticipantRoles.Buyer);
        var challenge = await Client.GetSignInChallengeAsync(new GetSignInChallengeRequest { Address = key.Address.ToString() });
        var request = new SignInRequest { Message = challenge.Message, Signature = ByteString.CopyFrom(SignInClient.Sign(key, challenge.Message)) };
        await Client.SignInAsync(request);

        var replay = await Assert.ThrowsAsync<RpcException>(async () => await Client.SignInAsync(request));

        Assert.Equal(StatusCode.Unauthenticated, replay.StatusCode);
        Assert.Contains("nonce is unknown or already used", replay.Status.Detail);
    }

    [Theory]
    [InlineData("trace.local wants", "evil.example wants", "domain evil.example is not this node's (trace.local)")]
    [InlineData("Chain ID: {chain}", "Chain ID: 1", "chain id 1 is not this node's chain id {chain}")]
    [InlineData("URI: https://trace.local/", "URI: https://evil.example/", "uri https://evil.example/ is not this node's")]
    public async Task A_message_edited_for_another_domain_chain_or_uri_is_refused_with_Unauthenticated(string from, string to, string expected)
    {
        using var key = EthereumKey.Generate();
        await fixture.RegisterAsync(key.Address, ParticipantRoles.Supplier);
        var chain = fixture.Node.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var challenge = await Client.GetSignInChallengeAsync(new GetSignInChallengeRequest { Address = key.Address.ToString() });
        var edited = challenge.Message.Replace(from.Replace("{chain}", chain), to, StringComparison.Ordinal);
        Assert.NotEqual(challenge.Message, edited);

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.SignInAsync(new SignInRequest { Message = edited, Signature = ByteString.CopyFrom(SignInClient.Sign(key, edited)) }));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains(expected.Replace("{chain}", chain), refused.Status.Detail);
    }

    [Fact]
    public async Task A_message_signed_by_another_key_is_refused_naming_the_recovered_address()
    {
        using var key = EthereumKey.Generate();
        using var other = EthereumKey.Generate();
        await fixture.RegisterAsync(key.Address, ParticipantRoles.Supplier);
        var challenge = await Client.GetSignInChallengeAsync(new GetSignInChallengeRequest { Address = key.Address.ToString() });

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.SignInAsync(new SignInRequest { Message = challenge.Message, Signature = ByteString.CopyFrom(SignInClient.Sign(other, challenge.Message)) }));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains($"signature: recovers {other.Address}, not the message's address {key.Address}", refused.Status.Detail);
    }

    [Fact]
    public async Task A_key_no_participant_registered_cannot_sign_in()
    {
        using var key = EthereumKey.Generate();

        var refused = await Assert.ThrowsAsync<RpcException>(() => SignInClient.SignInAsync(fixture.Api.RawChannel.CreateCallInvoker(), key));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains($"address: key {key.Address} is not registered in the ParticipantRegistry", refused.Status.Detail);
    }

    [Fact]
    public async Task A_suspended_participants_key_cannot_sign_in()
    {
        using var key = EthereumKey.Generate();
        await fixture.RegisterAsync(key.Address, ParticipantRoles.Supplier);
        await fixture.SuspendAsync(key.Address);

        var refused = await Assert.ThrowsAsync<RpcException>(() => SignInClient.SignInAsync(fixture.Api.RawChannel.CreateCallInvoker(), key));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("is suspended", refused.Status.Detail);
    }

    [Theory]
    [InlineData("", "address: required")]
    [InlineData("0x1234", "address: not an Ethereum address")]
    public async Task A_challenge_for_a_malformed_address_is_refused_naming_the_field(string address, string expected)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client.GetSignInChallengeAsync(new GetSignInChallengeRequest { Address = address }));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith(expected, refused.Status.Detail);
    }

    [Fact]
    public async Task A_garbled_token_ends_even_a_public_call_with_Unauthenticated()
    {
        var headers = new Metadata { { "authorization", "Bearer not.a.token" } };

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await new NodeService.NodeServiceClient(fixture.Api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest(), headers));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.StartsWith("authorization:", refused.Status.Detail);
    }
}
