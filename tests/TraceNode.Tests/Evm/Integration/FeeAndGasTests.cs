using System.Numerics;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts;
using Trace.Chain.Rpc;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>Fee suggestions from eth_feeHistory and gas estimates from a real Anvil are usable for sending.</summary>
[Collection(AnvilCollection.Name)]
public sealed class FeeAndGasTests(AnvilFixture fixture)
{
    [Fact]
    public async Task Fee_suggestion_covers_the_next_base_fee_and_offers_a_tip()
    {
        // A few mined blocks with transactions give the history some substance.
        var sender = await FundedAccounts.NewSenderAsync(fixture);
        for (var i = 0; i < 3; i++) await sender.SendAndWaitAsync(new TransactionRequest(FundedAccounts.NewRecipient(), [], BigInteger.One));

        var suggestion = await new FeeOracle(fixture.Eth).SuggestAsync();
        var pending = await fixture.Eth.GetBlockAsync(BlockTag.Pending);
        var latest = await fixture.Eth.GetBlockAsync(BlockTag.Latest);

        Assert.True(suggestion.BaseFeePerGas > 0);
        Assert.True(suggestion.MaxPriorityFeePerGas > 0);
        Assert.True(suggestion.MaxFeePerGas >= suggestion.BaseFeePerGas + suggestion.MaxPriorityFeePerGas);
        Assert.True(suggestion.MaxFeePerGas >= latest!.BaseFeePerGas);
        Assert.True(suggestion.MaxFeePerGas >= pending!.BaseFeePerGas);
        // The suggestion is the next block's base fee, as the node computes it.
        Assert.Equal(pending.BaseFeePerGas, suggestion.BaseFeePerGas);
    }

    [Fact]
    public async Task Transaction_sent_with_the_suggested_fees_pays_base_fee_plus_tip()
    {
        var sender = await FundedAccounts.NewSenderAsync(fixture);

        var signed = await sender.SendAsync(new TransactionRequest(FundedAccounts.NewRecipient(), [], BigInteger.One));
        var receipt = await sender.WaitForReceiptAsync(signed);
        var block = await fixture.Eth.GetBlockAsync(BlockTag.Number(receipt.BlockNumber));

        var tx = (Trace.Chain.Transactions.Eip1559Transaction)signed.Transaction;
        Assert.Equal(BigInteger.Min(tx.MaxFeePerGas, block!.BaseFeePerGas!.Value + tx.MaxPriorityFeePerGas), receipt.EffectiveGasPrice);
        Assert.True(receipt.EffectiveGasPrice > block.BaseFeePerGas);
    }

    [Fact]
    public async Task Gas_estimates_match_a_plain_transfer_and_cover_what_a_contract_call_uses()
    {
        var probe = await ProbeDeployment.DeployAsync(fixture);
        var from = probe.Sender!.Address;

        var transfer = await fixture.Eth.EstimateGasAsync(new CallRequest(FundedAccounts.NewRecipient(), [], from, BigInteger.One));
        var storeData = ContractClient.Encode(ProbeDeployment.Store(5, "estimate me", new byte[32]));
        var store = await fixture.Eth.EstimateGasAsync(new CallRequest(probe.Address, storeData, from));
        var receipt = await probe.SendAsync(ProbeDeployment.Store(5, "estimate me", new byte[32]));

        Assert.Equal(21_000UL, transfer);
        Assert.InRange(receipt.Receipt.GasUsed, 21_000UL, store);
        // The sender adds its 20 % margin to the node's estimate.
        var sent = await fixture.Rpc.CallAsync("eth_getTransactionByHash", [Trace.Crypto.Hex.Encode(receipt.Receipt.TransactionHash)]);
        Assert.Equal(store * 120 / 100, HexQuantity.ParseUInt64(sent.GetProperty("gas").GetString()!));
    }
}
