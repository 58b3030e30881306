using System.Net;
using System.Net.Sockets;
using Trace.Api.Tests.Support;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Hosting;

/// <summary>
/// The embedded chain has a stable address: Anvil listens on Chain:EmbeddedPort, 8545 unless configured, so the RPC URL
/// in docs and bundles works after every restart; a port already taken stops the node with an error naming the setting.
/// </summary>
public sealed class EmbeddedPortTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trace-port-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_embedded_chain_listens_on_8545_by_default_and_a_second_node_is_told_the_port_is_taken()
    {
        var defaultPort = new Dictionary<string, string> { ["Chain:EmbeddedPort"] = "" }; // empty: appsettings.json's default applies
        TraceApiProcess? first = null;
        if (IsFree(8545))
        {
            first = await TraceApiProcess.StartAsync(Path.Combine(_directory, "first"), defaultPort);
            var info = await new NodeService.NodeServiceClient(first.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
            Assert.Equal("http://127.0.0.1:8545/", info.RpcUrl);
        }
        try
        {
            // 8545 is now taken (by the first node's chain, or by whatever held it before this test).
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TraceApiProcess.StartAsync(Path.Combine(_directory, "second"), defaultPort));
            Assert.Contains("Trace cannot start: Chain:EmbeddedPort: 127.0.0.1:8545 is already in use", error.Message);
            Assert.Contains("exited with 2", error.Message); // docs/operations.md: a setting to fix
        }
        finally
        {
            if (first is not null) await first.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_configured_port_is_the_rpc_url_the_node_reports()
    {
        var port = TraceApiProcess.FreePort();
        await using var api = await TraceApiProcess.StartAsync(Path.Combine(_directory, "node"), new Dictionary<string, string> { ["Chain:EmbeddedPort"] = port.ToString() });
        var info = await new NodeService.NodeServiceClient(api.Channel).GetNodeInfoAsync(new GetNodeInfoRequest());
        Assert.Equal($"http://127.0.0.1:{port}/", info.RpcUrl);
        Assert.Equal(api.HttpAddress.ToString().TrimEnd('/'), info.HttpUrl);
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

}
