using System.Numerics;
using Trace.Chain.Contracts;
using Trace.Crypto;
using Trace.Node.Tests.Evm.Integration.ProbeDtos;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>
/// Reverts reach the caller as <see cref="ContractCallException"/> with the decoded error, whether caught by
/// eth_call, by gas estimation before sending, or after a transaction with a given gas limit was mined and reverted.
/// </summary>
[Collection(AnvilCollection.Name)]
public sealed class RevertDecodingTests(AnvilFixture fixture)
{
    public static TheoryData<string> Reverts => ["custom error", "reason string", "panic"];

    [Theory]
    [MemberData(nameof(Reverts))]
    public async Task Eth_call_revert_is_decoded(string revert)
    {
        var probe = await ProbeDeployment.DeployAsync(fixture);

        var e = await Assert.ThrowsAsync<ContractCallException>(() => Simulate(probe, revert));

        AssertDecoded(revert, e, probe.Sender!.Address);
        Assert.Null(e.Receipt);
    }

    [Theory]
    [MemberData(nameof(Reverts))]
    public async Task Sent_transaction_that_would_revert_is_stopped_at_estimation_without_using_a_nonce(string revert)
    {
        var probe = await ProbeDeployment.DeployAsync(fixture);
        var nonceBefore = await fixture.Eth.GetTransactionCountAsync(probe.Sender!.Address);

        var e = await Assert.ThrowsAsync<ContractCallException>(() => Send(probe, revert));

        AssertDecoded(revert, e, probe.Sender.Address);
        Assert.Null(e.Receipt);
        Assert.Equal(nonceBefore, await fixture.Eth.GetTransactionCountAsync(probe.Sender.Address));
        // The nonce manager did not advance either: the next transaction mines with the same nonce.
        var next = await probe.SendAsync(ProbeDeployment.Store(BigInteger.One, "after the revert", new byte[32]));
        Assert.Equal(nonceBefore, (await fixture.Eth.GetTransactionAsync(next.Receipt.TransactionHash))!.Nonce);
    }

    [Theory]
    [MemberData(nameof(Reverts))]
    public async Task Transaction_with_a_gas_limit_is_mined_reverted_and_replayed_for_its_reason(string revert)
    {
        var probe = await ProbeDeployment.DeployAsync(fixture);
        var nonceBefore = await fixture.Eth.GetTransactionCountAsync(probe.Sender!.Address);

        var e = await Assert.ThrowsAsync<ContractCallException>(() => Send(probe, revert, gasLimit: 200_000));

        AssertDecoded(revert, e, probe.Sender.Address);
        Assert.NotNull(e.Receipt);
        Assert.False(e.Receipt.Succeeded);
        Assert.Equal(probe.Address, e.Receipt.To);
        Assert.Equal(nonceBefore + 1, await fixture.Eth.GetTransactionCountAsync(probe.Sender.Address));
    }

    [Fact]
    public async Task Mined_failure_that_does_not_replay_as_a_revert_stays_a_transaction_failure()
    {
        var probe = await ProbeDeployment.DeployAsync(fixture);

        // 30,000 gas covers the intrinsic cost but not the storage writes: out of gas, no revert data to replay.
        var e = await Assert.ThrowsAsync<Trace.Chain.Accounts.TransactionFailedException>(
            () => probe.SendAsync(ProbeDeployment.Store(BigInteger.One, "too little gas", new byte[32]), gasLimit: 30_000));

        Assert.False(e.Receipt.Succeeded);
        Assert.Equal(30_000UL, e.Receipt.GasUsed);
    }

    private static Task<byte[]> Simulate(ContractClient probe, string revert) => revert switch
    {
        "custom error" => probe.SimulateAsync(ProbeDeployment.Store(2_000_000, "too much", new byte[32])),
        "reason string" => probe.SimulateAsync(new FailWithReasonFunction { Reason = "supplier key suspended" }),
        "panic" => probe.SimulateAsync(new DivideFunction { A = BigInteger.One, B = BigInteger.Zero }),
        _ => throw new ArgumentOutOfRangeException(nameof(revert)),
    };

    private static Task<ContractReceipt> Send(ContractClient probe, string revert, ulong? gasLimit = null) => revert switch
    {
        "custom error" => probe.SendAsync(ProbeDeployment.Store(2_000_000, "too much", new byte[32]), gasLimit: gasLimit),
        "reason string" => probe.SendAsync(new FailWithReasonFunction { Reason = "supplier key suspended" }, gasLimit: gasLimit),
        "panic" => probe.SendAsync(new DivideFunction { A = BigInteger.One, B = BigInteger.Zero }, gasLimit: gasLimit),
        _ => throw new ArgumentOutOfRangeException(nameof(revert)),
    };

    private static void AssertDecoded(string revert, ContractCallException e, EthereumAddress caller)
    {
        Assert.Equal("Probe", e.Contract);
        switch (revert)
        {
            case "custom error":
                Assert.Equal("store", e.Function);
                Assert.Equal("ValueTooLarge", e.ErrorName);
                var typed = Assert.IsType<ValueTooLargeError>(e.Error);
                Assert.Equal(new BigInteger(2_000_000), typed.Value);
                Assert.Equal(caller, EthereumAddress.Parse(typed.Caller));
                Assert.Equal("ValueTooLarge(uint256,uint256,address)", e.Revert.Signature);
                Assert.Equal(["value", "limit", "caller"], e.Revert.Arguments.Keys);
                Assert.Equal(new BigInteger(2_000_000), e.Revert.Arguments["value"]);
                Assert.Equal(new BigInteger(1_000_000), e.Revert.Arguments["limit"]);
                Assert.Equal(caller, e.Revert.Arguments["caller"]);
                break;
            case "reason string":
                Assert.Equal("Error", e.ErrorName);
                Assert.Equal("supplier key suspended", e.Revert.Reason);
                Assert.Contains("supplier key suspended", e.Message);
                break;
            case "panic":
                Assert.Equal("Panic", e.ErrorName);
                Assert.Equal(new BigInteger(0x12), e.Revert.PanicCode);
                Assert.Contains("division or modulo by zero", e.Message);
                break;
        }
    }
}
