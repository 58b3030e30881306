using System.Numerics;
using Trace.Chain.Accounts;
using Trace.Chain.Rpc;
using Trace.Chain.Transactions;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>Transactions signed by our own code are accepted by a real Anvil, mined, and attributed to our key.</summary>
[Collection(AnvilCollection.Name)]
public sealed class SignedTransactionTests(AnvilFixture fixture)
{
    private const ulong ChainId = 31337;

    [Fact]
    public async Task Legacy_eip155_transfer_signed_by_us_is_mined_from_our_address_and_moves_the_value()
    {
        using var key = await FundedAccounts.NewKeyAsync(fixture);
        var recipient = FundedAccounts.NewRecipient();
        var value = new BigInteger(123_456_789_000);
        var before = await fixture.Eth.GetBalanceAsync(key.Address);

        var signed = TransactionSigner.Sign(new LegacyTransaction
        {
            ChainId = ChainId,
            Nonce = await fixture.Eth.GetTransactionCountAsync(key.Address),
            GasPrice = await fixture.Eth.GasPriceAsync(),
            GasLimit = 21_000,
            To = recipient,
            Value = value,
        }, key);
        var hash = await fixture.Eth.SendRawTransactionAsync(signed.Raw);
        var receipt = await new TransactionSender(fixture.Eth, key, ChainId).WaitForReceiptAsync(hash);

        Assert.Equal(signed.Hash, hash);
        Assert.True(receipt.Succeeded);
        var mined = await fixture.Eth.GetTransactionAsync(hash);
        Assert.NotNull(mined);
        Assert.Equal(key.Address, mined.From);
        Assert.Equal(0, mined.Type);
        // EIP-155: v = chainId * 2 + 35 + recovery id, so the signature commits to this chain.
        var json = await fixture.Rpc.CallAsync("eth_getTransactionByHash", [signed.HashHex]);
        Assert.Equal(ChainId * 2 + 35 + signed.Signature.RecoveryId, HexQuantity.ParseUInt64(json.GetProperty("v").GetString()!));
        Assert.Equal(value, await fixture.Eth.GetBalanceAsync(recipient));
        Assert.Equal(before - value - receipt.GasUsed * receipt.EffectiveGasPrice, await fixture.Eth.GetBalanceAsync(key.Address));
    }

    [Fact]
    public async Task Eip1559_transfer_sent_by_the_transaction_sender_is_mined_from_our_address_and_moves_the_value()
    {
        var sender = await FundedAccounts.NewSenderAsync(fixture);
        var recipient = FundedAccounts.NewRecipient();
        var value = FundedAccounts.OneEther * 3 / 2;
        var before = await fixture.Eth.GetBalanceAsync(sender.Address);

        var signed = await sender.SendAsync(new TransactionRequest(recipient, [], value));
        var receipt = await sender.WaitForReceiptAsync(signed);

        Assert.Equal(TransactionType.DynamicFee, signed.Transaction.Type);
        Assert.True(receipt.Succeeded);
        Assert.Equal(sender.Address, receipt.From);
        var mined = await fixture.Eth.GetTransactionAsync(signed.Hash);
        Assert.NotNull(mined);
        Assert.Equal(sender.Address, mined.From);
        Assert.Equal(2, mined.Type);
        Assert.Equal(0UL, mined.Nonce);
        Assert.Equal(21_000UL, receipt.GasUsed);
        Assert.Equal(value, await fixture.Eth.GetBalanceAsync(recipient));
        Assert.Equal(before - value - receipt.GasUsed * receipt.EffectiveGasPrice, await fixture.Eth.GetBalanceAsync(sender.Address));
    }

    [Fact]
    public async Task A_transaction_signed_for_another_chain_is_refused_by_the_node()
    {
        using var key = await FundedAccounts.NewKeyAsync(fixture);
        var signed = TransactionSigner.Sign(new Eip1559Transaction
        {
            ChainId = 1,
            Nonce = 0,
            MaxPriorityFeePerGas = 1_000_000_000,
            MaxFeePerGas = 10_000_000_000,
            GasLimit = 21_000,
            To = FundedAccounts.NewRecipient(),
            Value = 1,
        }, key);

        var refused = await Assert.ThrowsAsync<RpcException>(() => fixture.Eth.SendRawTransactionAsync(signed.Raw));

        Assert.False(refused.IsTransient);
        Assert.Null(await fixture.Eth.GetTransactionAsync(signed.Hash));
    }
}
