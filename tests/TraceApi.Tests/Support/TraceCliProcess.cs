using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Trace.Api.Tests.Support;

/// <summary>
/// Runs the built <c>trace</c> command line as a child process, as a user's shell would: its own keystore folder
/// (TRACE_HOME), the node address and key password from the environment, never from argv.
/// </summary>
public sealed class TraceCliProcess(string home, Uri? node)
{
    /// <summary>The password every key of this runner is stored with (TRACE_KEY_PASSWORD).</summary>
    public const string Password = "correct horse battery staple";

    public string Home { get; } = home;

    /// <summary>Runs <c>trace ARGS</c>; <paramref name="environment"/> adds variables (e.g. TRACE_IMPORT_KEY).</summary>
    public async Task<CliResult> RunAsync(string[] arguments, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(RepoPaths.CliDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in new[] { "TRACE_KEY", "TRACE_NODE", "TRACE_IMPORT_KEY", "TRACE_IMPORT_PASSWORD" }) start.Environment.Remove(name);
        start.Environment["TRACE_HOME"] = Home;
        start.Environment["TRACE_KEY_PASSWORD"] = Password;
        if (node is not null) start.Environment["TRACE_NODE"] = node.ToString();
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close(); // no terminal: a missing password must fail, not wait for a prompt
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"trace {string.Join(' ', arguments)} did not end:\n{await output}{await error}");
        }
        return new CliResult(arguments, process.ExitCode, await output, await error);
    }

    public Task<CliResult> RunAsync(params string[] arguments) => RunAsync(arguments, null);
}

/// <summary>What one run of the command line printed and exited with.</summary>
public sealed record CliResult(string[] Arguments, int ExitCode, string Output, string Error)
{
    /// <summary>Standard output as JSON (the run used --json).</summary>
    public JsonNode Json => JsonNode.Parse(Output) ?? throw new Xunit.Sdk.XunitException($"no JSON from trace {string.Join(' ', Arguments)}: {Output}{Error}");

    /// <summary>Asserts the exit code, showing what the command printed when it differs.</summary>
    public CliResult Exits(int expected)
    {
        Assert.True(ExitCode == expected, $"trace {string.Join(' ', Arguments)} exited {ExitCode}, expected {expected}:\n{Output}\n{Error}");
        return this;
    }
}
