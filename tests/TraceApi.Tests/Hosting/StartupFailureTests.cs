using Trace.Api.Tests.Support;
using Trace.Node.Startup;
using Trace.Node.LocalChain;

namespace Trace.Api.Tests.Hosting;

/// <summary>
/// A start-up the operator must fix ends with one plain line naming the setting and a documented exit code
/// (docs/operations.md), never an unhandled exception's stack trace.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "trace-startup-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task An_unreachable_chain_ends_the_start_with_one_line_naming_Chain_RpcUrl_and_exit_code_3()
    {
        var closed = TraceApiProcess.FreePort(); // nothing listens there
        var (exitCode, output) = await TraceApiProcess.RunUntilExitAsync(_data, new Dictionary<string, string>
        {
            ["Chain:RpcUrl"] = $"http://127.0.0.1:{closed}", ["Rpc:MaxRetries"] = "1",
        }, TimeSpan.FromSeconds(120));

        Assert.Equal(StartupExitCodes.ChainUnavailable, exitCode);
        Assert.Contains($"Trace cannot start: the chain at http://127.0.0.1:{closed} (Chain:RpcUrl) cannot be reached", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_chain_id_other_than_Chain_ChainId_ends_the_start_with_one_line_saying_both_ids_and_exit_code_2()
    {
        await using var anvil = new AnvilManager(new AnvilOptions { ChainId = 31337 });
        await anvil.StartAsync();
        var (exitCode, output) = await TraceApiProcess.RunUntilExitAsync(_data, new Dictionary<string, string>
        {
            ["Chain:RpcUrl"] = anvil.RpcUrl.ToString(), ["Chain:ChainId"] = "5",
        }, TimeSpan.FromSeconds(120));

        Assert.Equal(StartupExitCodes.Configuration, exitCode);
        Assert.Contains("Trace cannot start: Chain:ChainId is 5 but the chain at", output, StringComparison.Ordinal);
        Assert.Contains("reports chain id 31337", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }


    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
