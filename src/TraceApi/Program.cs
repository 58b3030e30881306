using Microsoft.Extensions.Options;
using Trace.Api.Hosting;
using Trace.Node.Chain;
using Trace.Node.Hosting;
using Trace.Node.Startup;

// appsettings*.json are read from the build output (where the build copies them), not from the working directory:
// scripts/start.sh, `dotnet run`, the Docker image and the tests all start from elsewhere. Relative paths in the
// settings (Trace:DataDirectory) still resolve against the working directory.
if (args is [RebuildIndexCommand.Name, ..]) return await RebuildIndexCommand.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddTraceApiEndpoints();
builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
builder.Services.AddHostedService<EffectiveConfigurationLog>(); // first of the hosted services (the chain itself is checked below, before the host starts)
builder.Services.AddTraceNode();
builder.Services.AddTraceApi(builder.Environment);

var app = builder.Build();
app.MapTraceApi();
try
{
    // The chain first, before the host starts: a wrong setting or an unreachable chain ends in one line and a documented
    // exit code (docs/operations.md), not a stack trace from inside the host.
    await app.Services.GetRequiredService<ChainConnection>().StartAsync(CancellationToken.None);
    await app.RunAsync();
    return StartupExitCodes.Stopped;
}
catch (Exception e) when (StartupFailureException.Find(e) is { } failure)
{
    Console.Error.WriteLine($"Trace cannot start: {failure.Message}");
    await app.DisposeAsync(); // stops the embedded Anvil if it started
    return failure.ExitCode;
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine($"Trace cannot start: invalid settings: {string.Join("; ", e.Failures)}");
    await app.DisposeAsync();
    return StartupExitCodes.Configuration;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine($"Trace stopped on an unexpected fault: {e}");
    return StartupExitCodes.Fault;
}

/// <summary>Entry point type, visible to integration tests.</summary>
public partial class Program;
