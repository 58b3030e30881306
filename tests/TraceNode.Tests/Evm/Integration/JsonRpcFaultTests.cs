using System.Text.Json;
using Trace.Chain.Rpc;

namespace Trace.Node.Tests.Evm.Integration;

/// <summary>
/// The JSON-RPC client against a local HTTP stub that injects faults: transient faults are retried,
/// deterministic JSON-RPC errors are not, a silent node times out with a typed exception, batches match by id.
/// </summary>
public sealed class JsonRpcFaultTests
{
    private static JsonRpcOptions FastRetries => Fast();

    private static JsonRpcOptions Fast(int maxRetries = 5, TimeSpan? timeout = null) => new()
    {
        MaxRetries = maxRetries,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task Http_503_is_retried_until_the_node_answers()
    {
        using var stub = new RpcStub((request, n) => n <= 2 ? new StubReply(503, "busy") : StubReply.Ok(RpcStub.Result(request, "0x7a69"))).Start();
        using var client = new JsonRpcClient(stub.Url, FastRetries);

        Assert.Equal(31337UL, await new EthRpc(client).ChainIdAsync());
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Persistent_503_gives_up_after_the_configured_retries_with_a_transient_error()
    {
        using var stub = new RpcStub((_, _) => new StubReply(503, "busy")).Start();
        using var client = new JsonRpcClient(stub.Url, new JsonRpcOptions { MaxRetries = 2, InitialBackoff = TimeSpan.FromMilliseconds(10) });

        var e = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("eth_chainId", []));

        Assert.True(e.IsTransient);
        Assert.Equal(503, e.Code);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Refused_connection_is_retried_until_the_node_starts_listening()
    {
        var port = RpcStub.FreePort();
        var logger = new RecordingLogger<JsonRpcClient>();
        using var client = new JsonRpcClient(new Uri($"http://127.0.0.1:{port}/"), Fast(maxRetries: 50), logger: logger);

        var call = client.CallAsync("eth_chainId", []);
        // Start the node only once the client has seen the connection refused and scheduled a retry.
        var retry = await logger.WaitForAsync(line => line.Contains("retry", StringComparison.OrdinalIgnoreCase)).WaitAsync(TimeSpan.FromSeconds(30));
        using var stub = new RpcStub((request, _) => StubReply.Ok(RpcStub.Result(request, "0x7a69")), port).Start();

        Assert.Equal("0x7a69", (await call.WaitAsync(TimeSpan.FromSeconds(30))).GetString());
        Assert.Contains("cannot reach the node", retry);
        Assert.Single(stub.Requests);
    }

    [Theory]
    [InlineData(3, "execution reverted: supplier key suspended", "0x08c379a0")]
    [InlineData(-32602, "invalid params: missing value for required argument 0", null)]
    [InlineData(-32000, "nonce too low", null)]
    [InlineData(-32601, "the method eth_foo does not exist/is not available", null)]
    public async Task Json_rpc_error_is_raised_at_once_without_retrying(int code, string message, string? data)
    {
        using var stub = new RpcStub((request, _) => StubReply.Ok(RpcStub.Error(request, code, message, data))).Start();
        using var client = new JsonRpcClient(stub.Url, FastRetries);

        var e = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("eth_call", [new { to = "0x00" }, "latest"]));

        Assert.False(e.IsTransient);
        Assert.Equal(code, e.Code);
        Assert.Equal(message, e.RpcMessage);
        Assert.Equal(data, e.Data);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Json_rpc_error_in_an_http_400_body_keeps_the_nodes_code_and_message()
    {
        using var stub = new RpcStub((request, _) => new StubReply(400, RpcStub.Error(request, -32602, "invalid argument 0: hex string has odd length"))).Start();
        using var client = new JsonRpcClient(stub.Url, FastRetries);

        var e = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync("eth_getBalance", ["0x1", "latest"]));

        Assert.Equal(-32602, e.Code);
        Assert.Contains("odd length", e.RpcMessage);
        Assert.False(e.IsTransient);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Rate_limit_error_is_retried()
    {
        using var stub = new RpcStub((request, n) => StubReply.Ok(n == 1
            ? RpcStub.Error(request, -32005, "rate limit exceeded, please try again later")
            : RpcStub.Result(request, "0x10"))).Start();
        using var client = new JsonRpcClient(stub.Url, FastRetries);

        Assert.Equal(16UL, await new EthRpc(client).BlockNumberAsync());
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Node_that_does_not_answer_in_time_raises_a_timeout_exception_after_retrying()
    {
        using var stub = new RpcStub((request, _) => new StubReply(200, RpcStub.Result(request, "0x1"), TimeSpan.FromSeconds(5))).Start();
        var timeout = TimeSpan.FromMilliseconds(200);
        using var client = new JsonRpcClient(stub.Url, Fast(maxRetries: 1, timeout: timeout));

        var e = await Assert.ThrowsAsync<RpcTimeoutException>(() => client.CallAsync("eth_blockNumber", []));

        Assert.True(e.IsTransient);
        Assert.Equal(timeout, e.Timeout);
        Assert.Equal("eth_blockNumber", e.Method);
        // The stub records a request on a task of its own after reading the body; under load that can trail the
        // client's 200 ms give-up, so wait (bounded) for the retry the client sent to be counted.
        for (var waited = 0; stub.Requests.Count < 2 && waited < 5_000; waited += 20) await Task.Delay(20);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_a_timeout()
    {
        using var stub = new RpcStub((request, _) => new StubReply(200, RpcStub.Result(request, "0x1"), TimeSpan.FromSeconds(5))).Start();
        using var client = new JsonRpcClient(stub.Url, FastRetries);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CallAsync("eth_blockNumber", [], cancel.Token));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Batch_results_are_matched_to_requests_by_id_when_answered_out_of_order()
    {
        using var stub = new RpcStub((batch, _) =>
        {
            // Answer in reverse order; the second call fails on its own.
            var answers = batch.EnumerateArray().Reverse().Select(request => request.GetProperty("method").GetString() switch
            {
                "eth_getBalance" => RpcStub.Error(request, -32602, "invalid address"),
                var method => RpcStub.Result(request, method),
            });
            return StubReply.Ok("[" + string.Join(",", answers) + "]");
        }).Start();
        using var client = new JsonRpcClient(stub.Url, FastRetries);

        var results = await client.BatchAsync([
            new RpcRequest("eth_chainId", []),
            new RpcRequest("eth_getBalance", ["0xzz", "latest"]),
            new RpcRequest("eth_blockNumber", []),
            new RpcRequest("eth_gasPrice", []),
        ]);

        Assert.Equal(JsonValueKind.Array, stub.Requests.Single().ValueKind);
        Assert.Equal(["eth_chainId", "eth_getBalance", "eth_blockNumber", "eth_gasPrice"], results.Select(r => r.Method));
        Assert.Equal("eth_chainId", results[0].GetResultOrThrow().GetString());
        Assert.Equal(-32602, Assert.Throws<RpcException>(() => results[1].GetResultOrThrow()).Code);
        Assert.Equal("eth_blockNumber", results[2].GetResultOrThrow().GetString());
        Assert.Equal("eth_gasPrice", results[3].GetResultOrThrow().GetString());
    }

    [Fact]
    public async Task Batch_answer_missing_a_request_reports_that_request_alone()
    {
        using var stub = new RpcStub((batch, _) => StubReply.Ok(
            "[" + RpcStub.Result(batch[0], "0x1") + "]")).Start();
        using var client = new JsonRpcClient(stub.Url, FastRetries);

        var results = await client.BatchAsync([new RpcRequest("eth_chainId", []), new RpcRequest("eth_blockNumber", [])]);

        Assert.Equal("0x1", results[0].GetResultOrThrow().GetString());
        Assert.IsAssignableFrom<RpcTransportException>(results[1].Error);
    }

    [Fact]
    public async Task Nethereum_typed_requests_run_over_the_client_with_its_retry_rules()
    {
        using var stub = new RpcStub((request, n) => n <= 2 ? new StubReply(503, "busy") : StubReply.Ok(RpcStub.Result(request, "0x7a69"))).Start();
        using var client = new JsonRpcClient(stub.Url, FastRetries);

        var chainId = await new Nethereum.Web3.Web3(client).Eth.ChainId.SendRequestAsync();

        Assert.Equal(31337, (int)chainId.Value);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Nethereum_typed_request_error_keeps_code_message_and_data_and_is_not_retried()
    {
        using var stub = new RpcStub((request, _) => StubReply.Ok(RpcStub.Error(request, 3, "execution reverted", "0x08c379a0"))).Start();
        using var client = new JsonRpcClient(stub.Url, FastRetries);

        var e = await Assert.ThrowsAsync<RpcException>(() => new Nethereum.Web3.Web3(client).Eth.Blocks.GetBlockNumber.SendRequestAsync());

        Assert.False(e.IsTransient);
        Assert.Equal(3, e.Code);
        Assert.Equal("execution reverted", e.RpcMessage);
        Assert.Equal("0x08c379a0", e.Data);
        Assert.Equal("0x08c379a0", e.RpcError.GetDataAsString());
        Assert.Single(stub.Requests);
    }
}
