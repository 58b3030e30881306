using Grpc.Health.V1;
using Trace.Api.Tests.Support;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Hosting;

/// <summary>The README's embedded default: the API with a managed Anvil under its data directory.</summary>
public sealed class EmbeddedModeTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("trace-api-");

    [Fact]
    public async Task Api_reports_serving_and_its_chain_over_a_real_socket()
    {
        await using var api = await TraceApiProcess.StartAsync(_data.FullName);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await api.HealthAsync());
        var info = await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        Assert.Equal(31337UL, info.ChainId);
        Assert.Equal("embedded", info.ChainMode);
    }

    [Theory]
    [InlineData(2)]  // SIGINT, as Ctrl-C
    [InlineData(15)] // SIGTERM, as a service manager
    public async Task Stopping_the_api_leaves_no_anvil_behind(int signal)
    {
        var api = await TraceApiProcess.StartAsync(_data.FullName);
        Assert.NotEmpty(ProcessProbe.AnvilProcessesMentioning(_data.FullName));

        var exitCode = await api.SignalAndWaitAsync(signal);
        await api.DisposeAsync();

        Assert.Equal(0, exitCode);
        Assert.Empty(ProcessProbe.AnvilProcessesMentioning(_data.FullName));
    }

    [Fact]
    public async Task Ctrl_c_to_the_terminals_process_group_stops_the_node_and_its_chain_cleanly_with_no_error_logged()
    {
        // setsid: the API leads its own process group, as a command started from a shell's prompt does.
        var api = await TraceApiProcess.StartAsync(_data.FullName, launcher: ["setsid"]);
        var anvil = Assert.Single(ProcessProbe.AnvilProcessesMentioning(_data.FullName));

        var exitCode = await api.SignalGroupAndWaitAsync(2); // SIGINT to the whole group, as Ctrl-C
        var output = api.Output;
        await api.DisposeAsync();

        Assert.Equal(0, exitCode);
        Assert.Empty(await ProcessProbe.WaitForNoAnvilAsync(_data.FullName, TimeSpan.FromSeconds(15)));
        // The node stopped its chain itself (SIGTERM: Anvil dumps its state), rather than Anvil dying of the SIGINT first.
        Assert.Contains($"Stopped anvil (pid {anvil})", output, StringComparison.Ordinal);
        Assert.DoesNotContain("exited unexpectedly", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_data.FullName, "chain", "anvil-state.json")));
    }

    [Fact]
    public async Task Killed_api_takes_its_anvil_down_with_it()
    {
        var api = await TraceApiProcess.StartAsync(_data.FullName);
        Assert.NotEmpty(ProcessProbe.AnvilProcessesMentioning(_data.FullName));

        await api.SignalAndWaitAsync(9);
        await api.DisposeAsync();

        Assert.Empty(await ProcessProbe.WaitForNoAnvilAsync(_data.FullName, TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Restarted_api_reuses_the_persisted_chain()
    {
        ulong before;
        await using (var first = await TraceApiProcess.StartAsync(_data.FullName))
        {
            // Embedded mode mines a block a second; wait for a few so the height is clearly non-zero.
            var node = new NodeService.NodeServiceClient(first.Channel);
            do { before = (await node.GetNodeInfoAsync(new GetNodeInfoRequest())).BlockNumber; await Task.Delay(300); }
            while (before < 2);
            await first.SignalAndWaitAsync(15);
        }

        await using var second = await TraceApiProcess.StartAsync(_data.FullName);
        var after = (await new NodeService.NodeServiceClient(second.Channel).GetNodeInfoAsync(new GetNodeInfoRequest())).BlockNumber;
        Assert.True(after >= before, $"block number went back from {before} to {after}");
    }

    public void Dispose()
    {
        try { _data.Delete(recursive: true); } catch (IOException) { }
    }
}
