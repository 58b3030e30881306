using Trace.Api.Hosting;
using Trace.Node.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTraceApiEndpoints();
builder.Services.AddTraceNode();
builder.Services.AddTraceApi(builder.Environment);

var app = builder.Build();
app.MapTraceApi();
app.Run();

/// <summary>Entry point type, visible to integration tests.</summary>
public partial class Program;
