using System.Text;
using Trace.Crypto;
using Trace.Domain;

namespace Trace.Node.Tests.Engine;

/// <summary>The anchorer shares the operator key with other senders (an admin script, a second tool) without stalling.</summary>
[Collection(EngineCollection.Name)]
public sealed class OperatorNonceTests(EngineFixture engine)
{
    // BatchAnchorer's "nonce used and the root is not anchored; signing anew" event.
    private const int SigningAnewEvent = 4004;

    [Fact]
    public async Task Anchoring_jumps_past_every_nonce_another_sender_used_with_the_operator_key_at_once()
    {
        // A first record confirmed: the node now holds the operator's next nonce in memory.
        var first = Encoding.UTF8.GetBytes("first " + Guid.NewGuid());
        await engine.WaitForStatusAsync(await engine.SubmitAsync(engine.Sign(engine.Supplier, first, "urn:trace:nonce:1"), first), RecordStatus.Confirmed);
        var before = engine.Logs.Messages(SigningAnewEvent).Count;

        // Another process spends five of the operator's nonces behind the node's back (Anvil's dev accounts are unlocked).
        var operatorAddress = EthereumKey.FromHex(Support.AnvilFixture.DevKey0).Address.ToString();
        for (var i = 0; i < 5; i++)
            await engine.Chain.Rpc.CallAsync("eth_sendTransaction", [new Dictionary<string, string> { ["from"] = operatorAddress, ["to"] = operatorAddress, ["value"] = "0x0" }]);

        var second = Encoding.UTF8.GetBytes("second " + Guid.NewGuid());
        var record = await engine.WaitForStatusAsync(await engine.SubmitAsync(engine.Sign(engine.Supplier, second, "urn:trace:nonce:2"), second), RecordStatus.Confirmed);

        Assert.NotNull(record.Anchor);
        // The stale nonce is refused once; the anchorer then reads the chain's count instead of trying each spent nonce.
        Assert.InRange(engine.Logs.Messages(SigningAnewEvent).Count - before, 0, 1);
    }
}
