using Trace.Api.Hosting;
using Trace.Node.Hosting;

// appsettings*.json are read from the build output (where the build copies them), not from the working directory:
// scripts/start.sh, `dotnet run`, the Docker image and the tests all start from elsewhere. Relative paths in the
// settings (Trace:DataDirectory) still resolve against the working directory.
if (args is [RebuildIndexCommand.Name, ..]) return await RebuildIndexCommand.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddTraceApiEndpoints();
builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
builder.Services.AddHostedService<EffectiveConfigurationLog>(); // before the engine's, so it logs before the chain starts
builder.Services.AddTraceNode();
builder.Services.AddTraceApi(builder.Environment);

var app = builder.Build();
app.MapTraceApi();
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to integration tests.</summary>
public partial class Program;
