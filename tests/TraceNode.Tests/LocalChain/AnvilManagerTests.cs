using System.Diagnostics;
using Trace.Chain.Rpc;
using Trace.Node.LocalChain;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.LocalChain;

[Collection(AnvilCollection.Name)]
public sealed class AnvilManagerTests(AnvilFixture fixture)
{
    [Fact]
    public async Task Started_anvil_answers_chain_id_31337_and_a_block_number()
    {
        Assert.Equal(31337UL, await fixture.Eth.ChainIdAsync());
        var before = await fixture.Eth.BlockNumberAsync();
        await fixture.Rpc.CallAsync("anvil_mine", ["0x2"]);
        Assert.Equal(before + 2, await fixture.Eth.BlockNumberAsync());
    }

    [Fact]
    public async Task Killing_anvil_behind_the_managers_back_is_reported()
    {
        await using var anvil = new AnvilManager(new AnvilOptions());
        await anvil.StartAsync();
        Assert.True(anvil.IsRunning);

        Process.GetProcessById(anvil.ProcessId).Kill();

        var exit = await anvil.UnexpectedExit.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("exited unexpectedly", exit.Message);
        Assert.False(anvil.IsRunning);
    }

    [Fact]
    public async Task Killed_anvil_is_restarted_on_the_same_port_from_its_state_file_when_configured()
    {
        var dir = Directory.CreateTempSubdirectory("trace-anvil-restart-");
        try
        {
            var options = new AnvilOptions { StateFile = Path.Combine(dir.FullName, "anvil-state.json"), StateIntervalSeconds = 1, RestartAfterUnexpectedExit = true };
            await using var anvil = new AnvilManager(options);
            await anvil.StartAsync();
            using var rpc = new JsonRpcClient(anvil.RpcUrl);
            await rpc.CallAsync("anvil_mine", ["0x9"]);
            var mined = await new EthRpc(rpc).BlockNumberAsync();
            await Task.Delay(2500); // a periodic state dump holds the nine blocks
            var first = anvil.ProcessId;

            Process.GetProcessById(first).Kill(); // SIGKILL: no dump on the way out

            var clock = Stopwatch.StartNew();
            while (!(anvil.IsRunning && anvil.ProcessId != first))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "anvil was not restarted");
                await Task.Delay(50);
            }
            Assert.Equal(mined, await new EthRpc(rpc).BlockNumberAsync()); // same URL, the saved chain
            Assert.False(anvil.UnexpectedExit.IsCompleted);
            await anvil.StopAsync();
            Assert.False(ProcessExists(first));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Anvil_runs_in_its_own_session_so_a_terminals_ctrl_c_reaches_only_the_node()
    {
        await using var anvil = new AnvilManager(new AnvilOptions());
        await anvil.StartAsync();
        // /proc/<pid>/stat: "pid (comm) state ppid pgrp session ..."
        static long[] Ids(int pid)
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return [long.Parse(fields[2]), long.Parse(fields[3])]; // process group, session
        }
        Assert.Equal("anvil", File.ReadAllText($"/proc/{anvil.ProcessId}/comm").Trim()); // setpriv and setsid exec'd in place
        var (anvilIds, ours) = (Ids(anvil.ProcessId), Ids(Environment.ProcessId));
        Assert.Equal(anvil.ProcessId, anvilIds[1]); // it leads its own session
        Assert.NotEqual(ours[0], anvilIds[0]);     // and is not in our process group
    }

    [Fact]
    public async Task Stopped_anvil_is_gone_and_its_pid_is_not_reported_as_unexpected()
    {
        var anvil = new AnvilManager(new AnvilOptions());
        await anvil.StartAsync();
        var pid = anvil.ProcessId;
        await anvil.DisposeAsync();

        Assert.False(anvil.IsRunning);
        Assert.False(anvil.UnexpectedExit.IsCompleted);
        Assert.False(ProcessExists(pid));
    }

    [Fact]
    public async Task Restart_with_a_state_file_keeps_the_block_number()
    {
        var dir = Directory.CreateTempSubdirectory("trace-anvil-state-");
        try
        {
            var options = new AnvilOptions { StateFile = Path.Combine(dir.FullName, "chain", "anvil-state.json") };
            ulong minedTo;
            await using (var first = new AnvilManager(options))
            {
                await first.StartAsync();
                using var rpc = new JsonRpcClient(first.RpcUrl);
                await rpc.CallAsync("anvil_mine", ["0x7"]);
                minedTo = await new EthRpc(rpc).BlockNumberAsync();
            }
            Assert.True(File.Exists(options.StateFile));

            await using var second = new AnvilManager(options);
            await second.StartAsync();
            using var rpc2 = new JsonRpcClient(second.RpcUrl);
            Assert.Equal(minedTo, await new EthRpc(rpc2).BlockNumberAsync());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Missing_binary_path_names_the_setting()
    {
        var anvil = new AnvilManager(new AnvilOptions { BinaryPath = "/nonexistent/anvil" });
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => anvil.StartAsync());
        Assert.Contains("Anvil:BinaryPath", error.Message);
    }

    [Fact]
    public async Task A_taken_fixed_port_is_refused_at_once_naming_the_setting_and_the_port()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        var anvil = new AnvilManager(new AnvilOptions { Port = port, PortSetting = "Chain:EmbeddedPort" });

        var error = await Assert.ThrowsAsync<AnvilPortInUseException>(() => anvil.StartAsync());

        Assert.Contains($"Chain:EmbeddedPort: 127.0.0.1:{port} is already in use", error.Message);
        Assert.Equal(0, anvil.ProcessId); // no anvil was started
    }

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
