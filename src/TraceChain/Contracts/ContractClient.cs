using System.Text.Json;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Trace.Chain.Accounts;
using Trace.Chain.Rpc;
using Trace.Crypto;

namespace Trace.Chain.Contracts;

/// <summary>
/// Calls and transacts with one deployed contract through typed Nethereum function DTOs: views via eth_call (with
/// cancellation), state changes through a <see cref="TransactionSender"/>, reverts decoded into the contract's typed
/// error DTOs (<see cref="ContractCallException"/>), logs into its event DTOs.
/// </summary>
public class ContractClient(ContractDefinition definition, EthereumAddress address, EthRpc eth, TransactionSender? sender = null)
{
    public ContractDefinition Definition { get; } = definition;
    public string Name => Definition.Name;
    public EthereumAddress Address { get; } = address;
    public EthRpc Eth { get; } = eth;

    /// <summary>The sender used for transactions; null for a read-only client.</summary>
    public TransactionSender? Sender { get; } = sender;

    /// <summary>The same contract, sending transactions from <paramref name="other"/>'s key.</summary>
    public ContractClient As(TransactionSender other) => new(Definition, Address, Eth, other);

    /// <summary>The call data of <paramref name="function"/> (selector and ABI-encoded arguments).</summary>
    public static byte[] Encode<TFunction>(TFunction function) where TFunction : FunctionMessage, new() => function.GetCallData();

    /// <summary>Runs a view (or simulates any function) and decodes its outputs into <typeparamref name="TOutput"/>.</summary>
    public async Task<TOutput> QueryAsync<TFunction, TOutput>(TFunction function, EthereumAddress? from = null, BlockTag? block = null, CancellationToken ct = default)
        where TFunction : FunctionMessage, new()
        where TOutput : IFunctionOutputDTO, new()
    {
        var data = Encode(function);
        try
        {
            var output = await Eth.CallAsync(new CallRequest(Address, data, from ?? Sender?.Address), block, ct).ConfigureAwait(false);
            return new FunctionCallDecoder().DecodeFunctionOutput<TOutput>(Hex.Encode(output));
        }
        catch (RpcException ex) when (RevertData(ex) is { } revert)
        {
            throw new ContractCallException(Name, FunctionName<TFunction>(), Definition.DecodeRevert(revert));
        }
    }

    /// <summary>Simulates <paramref name="function"/> with eth_call and returns its raw output (for functions whose result is not needed).</summary>
    public async Task<byte[]> SimulateAsync<TFunction>(TFunction function, EthereumAddress? from = null, BlockTag? block = null, CancellationToken ct = default)
        where TFunction : FunctionMessage, new()
    {
        try
        {
            return await Eth.CallAsync(new CallRequest(Address, Encode(function), from ?? Sender?.Address), block, ct).ConfigureAwait(false);
        }
        catch (RpcException ex) when (RevertData(ex) is { } revert)
        {
            throw new ContractCallException(Name, FunctionName<TFunction>(), Definition.DecodeRevert(revert));
        }
    }

    /// <summary>eth_estimateGas of <paramref name="function"/> from this client's sender (or no sender).</summary>
    public async Task<ulong> EstimateGasAsync<TFunction>(TFunction function, CancellationToken ct = default) where TFunction : FunctionMessage, new()
    {
        try
        {
            return await Eth.EstimateGasAsync(new CallRequest(Address, Encode(function), Sender?.Address), ct).ConfigureAwait(false);
        }
        catch (RpcException ex) when (RevertData(ex) is { } revert)
        {
            throw new ContractCallException(Name, FunctionName<TFunction>(), Definition.DecodeRevert(revert));
        }
    }

    /// <summary>Sends a state-changing call and waits for its receipt; a revert (at estimation or mining) throws with the decoded error.</summary>
    public async Task<ContractReceipt> SendAsync<TFunction>(TFunction function, int confirmations = 1, ulong? gasLimit = null, CancellationToken ct = default,
        ulong extraGas = 0)
        where TFunction : FunctionMessage, new()
    {
        var sender = Sender ?? throw new InvalidOperationException($"{Name} client is read-only: it has no transaction sender");
        var data = Encode(function);
        try
        {
            var receipt = await sender.SendAndWaitAsync(new TransactionRequest(Address, data, GasLimit: gasLimit, ExtraGas: extraGas), confirmations, ct).ConfigureAwait(false);
            return new ContractReceipt(receipt, DecodeEvents(receipt.Logs));
        }
        catch (RpcException ex) when (RevertData(ex) is { } revert)
        {
            throw new ContractCallException(Name, FunctionName<TFunction>(), Definition.DecodeRevert(revert));
        }
        catch (TransactionFailedException failed)
        {
            // Mined and reverted (gas limit given, so no estimation caught it): replay at that block for the reason.
            if (await ReplayRevertAsync(FunctionName<TFunction>(), data, sender, gasLimit, failed.Receipt, ct).ConfigureAwait(false) is { } reverted) throw reverted;
            throw;
        }
    }

    /// <summary>
    /// The decoded revert of a mined failure, replayed with eth_call on the parent block's state (exactly what the
    /// transaction ran on when it was first in its block) and the same gas limit, so an out-of-gas failure replays
    /// as one. Null when the replay gives no revert data (out of gas, a node that cannot serve old state): the caller
    /// keeps the original failure.
    /// </summary>
    private async Task<ContractCallException?> ReplayRevertAsync(string function, byte[] data, TransactionSender sender, ulong? gasLimit,
        TransactionReceipt receipt, CancellationToken ct)
    {
        try
        {
            await Eth.CallAsync(new CallRequest(Address, data, sender.Address, Gas: gasLimit), BlockTag.Number(receipt.BlockNumber - 1), ct).ConfigureAwait(false);
            return null;
        }
        catch (RpcException ex)
        {
            return RevertData(ex) is { } revert ? new ContractCallException(Name, function, Definition.DecodeRevert(revert), receipt) : null;
        }
    }

    /// <summary>Decodes the logs this contract emitted; logs of other contracts or unknown events are skipped.</summary>
    public IReadOnlyList<ContractEvent> DecodeEvents(IEnumerable<LogEntry> logs)
    {
        var events = new List<ContractEvent>();
        foreach (var log in logs)
        {
            if (log.Address != Address) continue;
            if (Definition.DecodeEvent(log) is { } decoded) events.Add(decoded);
        }
        return events;
    }

    /// <summary>The Solidity name of the function DTO <typeparamref name="TFunction"/>.</summary>
    public static string FunctionName<TFunction>() where TFunction : FunctionMessage, new() => ABITypedRegistry.GetFunctionABI<TFunction>().Name;

    /// <summary>The revert in a node's error, decoded by this contract's error DTOs; null when the error carries no revert data.</summary>
    public ContractRevertException? DecodeRevert(RpcException error) =>
        RevertData(error ?? throw new ArgumentNullException(nameof(error))) is { } revert ? Definition.DecodeRevert(revert) : null;

    /// <summary>
    /// The revert bytes a node puts in an error's data (code 3 "execution reverted"), if any: a 0x string
    /// (geth, anvil, Besu, Nethermind) or an object whose "data" member is one (Hardhat, some providers).
    /// </summary>
    internal static byte[]? RevertData(RpcException ex)
    {
        if (ex.IsTransient || ex.Data is not { Length: >= 2 } data) return null;
        var text = data.Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                if (!json.RootElement.TryGetProperty("data", out var inner) || inner.ValueKind != JsonValueKind.String) return null;
                text = inner.GetString()!;
            }
            catch (JsonException)
            {
                return null;
            }
        }
        text = text.Trim('"');
        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && Hex.TryDecode(text, out var bytes) ? bytes : null;
    }
}
