using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trace.Node.Blobs;
using Trace.Node.Storage;

namespace Trace.Node.Tests.Storage;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trace-di-{Guid.NewGuid():N}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Registered_services_migrate_on_start_and_work_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trace:Storage:DataDirectory"] = _directory,
            ["Trace:Blobs:RootDirectory"] = Path.Combine(_directory, "blobs"),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddTraceStorage().AddTraceBlobStore();
        await using var provider = services.BuildServiceProvider();

        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        var result = await provider.GetRequiredService<TraceStore>().AddAcceptedClaimAsync(Claims.Random(), CancellationToken.None);

        Assert.True(result.Created);
        Assert.True(File.Exists(Path.Combine(_directory, "trace.db")));
        Assert.IsType<FileBlobStore>(provider.GetRequiredService<IBlobStore>());
        Assert.True(Directory.Exists(Path.Combine(_directory, "blobs", "sha256")));
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_with_the_setting_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trace:Storage:Provider"] = "Postgres",
        }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddTraceStorage().BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<TraceStore>());
        Assert.Contains("Trace:Storage:ConnectionString", error.Message);
    }
}
