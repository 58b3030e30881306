using System.Diagnostics;
using Trace.Api.Tests.Support;

namespace Trace.Api.Tests.Rebuild;

/// <summary>The offline <c>rebuild-index</c> command of the built API, run with the test node's settings.</summary>
internal static class RebuildCommand
{
    /// <summary>Starts it on <paramref name="dataDirectory"/>, output redirected.</summary>
    public static Process Start(string dataDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        start.ArgumentList.Add(RepoPaths.ApiDll);
        start.ArgumentList.Add("rebuild-index");
        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(dataDirectory);
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in EvidenceNodeFixture.Settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return Process.Start(start)!;
    }

    /// <summary>Runs it to the end (at most 4 minutes); its exit code and everything it printed.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string dataDirectory)
    {
        using var process = Start(dataDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
