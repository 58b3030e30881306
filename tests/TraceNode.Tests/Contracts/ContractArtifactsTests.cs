using System.Diagnostics;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts;

public sealed class ContractArtifactsTests
{
    [Fact]
    public async Task Committed_artifacts_match_a_fresh_offline_compile()
    {
        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(RepoRoot.Path, "contracts"),
        };
        startInfo.ArgumentList.Add("scripts/compile.mjs");
        startInfo.ArgumentList.Add("--check");
        using var node = Process.Start(startInfo)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.True(node.ExitCode == 0, $"compile --check failed: {await stderr}");
        Assert.Contains("up to date", await stdout);
    }
}
