using System.Numerics;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Crypto.Eip712;

namespace Trace.Node.Tests.Contracts;

/// <summary>The relayed-message signer against the worked example and type hashes of docs/contracts.md.</summary>
public sealed class RelayedMessageSignerTests
{
    // docs/contracts.md, "Relayed signatures": the domain and key of eip712.json case "claim".
    private static readonly Eip712Domain Domain = EvidenceClaimHasher.Domain(31337, EthereumAddress.Parse("0xE44D2d7306293E7C6AF3cDb04808E14b3Be22248"));
    private const string ClaimSignerKey = "0x4571aa71f867dd65ec35ad1cdc86141fd41106ea6927988e26fef7cbd341cd83";
    private const string ClaimDigest = "0xb9bff78f5c6a533b6881be4f166b3cb36f8b1eef7abef544574bfc895f9e212f";

    [Theory]
    [InlineData("Revocation", "0x20d7486a0fcc2442f88d114a456d08afad87d56224e88b1593f4832b04c020f7")]
    [InlineData("Supersession", "0x43d0af38ffc11e4ab95bec8f88885cea367844daa2864e7e4acef2aa477528bd")]
    [InlineData("Endorsement", "0x2f2f42ca615b6cf7d74826a2079e9269963023084f6f1e3f9502dae801de385a")]
    [InlineData("Flag", "0x9deede8890110960c66890144d78fd5a066ecb63e38c41bc6ede29dfd7b36044")]
    [InlineData("Unflag", "0x1d2d462d936acd3532504761d162e05c2d398da543c627f6fc26429003ffbb83")]
    public void Type_hashes_match_the_contracts_constants(string messageType, string typeHash)
    {
        Assert.Equal(typeHash, Hex.Encode(RelayedMessageSigner.TypeHash(messageType)));
    }

    [Fact]
    public void The_documented_revocation_signs_to_the_documented_digest_and_signature()
    {
        using var key = EthereumKey.FromHex(ClaimSignerKey);
        var signer = new RelayedMessageSigner(Domain);

        var signed = signer.SignRevocation(key, Hex.Decode(ClaimDigest), reason: 2, nonce: 0, deadline: 4102444800);

        Assert.Equal("0x934e729885b028Fd472802d36862a830b6ED1f55", signed.Signer.ToString());
        Assert.Equal((BigInteger.Zero, 4102444800UL), (signed.Nonce, signed.Deadline));
        var digest = signer.Digest("Revocation", new Dictionary<string, object?>
        {
            ["claimDigest"] = Hex.Decode(ClaimDigest), ["reason"] = 2, ["nonce"] = 0, ["deadline"] = 4102444800UL,
        });
        Assert.Equal("0x99a385ab6f8ff16ab3885296dff0a0c191e9a2e783bdf0edac7dd5ee60b2a1fe", Hex.Encode(digest));
        Assert.Equal(
            "0xc6dcc1d2c55d342e4f85f53e854777415ace8de2f45692bed0e2947603a814dd54e3a342d08c9ef7972ae0ca45217f92afb2aa574cfefb994af9aa143ed32d841b",
            Hex.Encode(signed.Signature));
    }

    [Fact]
    public void Different_message_types_over_the_same_fields_give_different_signatures()
    {
        using var key = EthereumKey.FromHex(ClaimSignerKey);
        var signer = new RelayedMessageSigner(Domain);
        var digest = Hex.Decode(ClaimDigest);

        var flag = signer.SignFlag(key, digest, 1, 0, 4102444800);
        var unflag = signer.SignUnflag(key, digest, 1, 0, 4102444800);
        var revocation = signer.SignRevocation(key, digest, 1, 0, 4102444800);

        Assert.Equal(3, new[] { flag, unflag, revocation }.Select(s => Hex.Encode(s.Signature)).Distinct().Count());
    }

    [Fact]
    public async Task Async_signing_without_a_registry_asks_for_an_explicit_nonce()
    {
        using var key = EthereumKey.Generate();
        var signer = new RelayedMessageSigner(Domain);

        await Assert.ThrowsAsync<InvalidOperationException>(() => signer.SignFlagAsync(key, new byte[32], 1, 4102444800));
    }
}
