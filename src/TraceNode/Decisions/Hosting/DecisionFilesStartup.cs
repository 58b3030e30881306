using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Node.Decisions.Cbam;
using Trace.Node.Decisions.Lanes;

namespace Trace.Node.Decisions.Hosting;

/// <summary>Loads the operator's lane catalogue and default-value files into the index at start-up (after the migration).</summary>
public sealed partial class DecisionFilesStartup(IOptions<DecisionOptions> options, LaneCatalog lanes, CbamDefaultValueTable defaults,
    TimeProvider clock, ILogger<DecisionFilesStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.LaneCatalogPath))
        {
            var fileLanes = DecisionFiles.ReadLanes(settings.LaneCatalogPath, clock.GetUtcNow());
            try
            {
                var (created, replaced) = await lanes.PutAsync(fileLanes, Lane.OperatorOwner, cancellationToken).ConfigureAwait(false);
                LogLanesLoaded(logger, fileLanes.Count, created, replaced, settings.LaneCatalogPath);
            }
            catch (LaneOwnershipException ex)
            {
                throw new DecisionFileException(Path.GetFullPath(settings.LaneCatalogPath), $"lane \"{ex.LaneId}\" belongs to a carrier; give the operator's lane another id");
            }
        }
        if (!string.IsNullOrWhiteSpace(settings.CbamDefaultValuesPath))
        {
            var rows = DecisionFiles.ReadDefaultValues(settings.CbamDefaultValuesPath, clock.GetUtcNow());
            await defaults.PutAsync(rows, cancellationToken).ConfigureAwait(false);
            LogDefaultsLoaded(logger, rows.Count, settings.CbamDefaultValuesPath);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(9100, LogLevel.Information, "Lane catalogue: {Count} operator lanes from {Path} ({Created} new, {Replaced} replaced)")]
    private static partial void LogLanesLoaded(ILogger logger, int count, int created, int replaced, string path);

    [LoggerMessage(9101, LogLevel.Information, "CBAM default values: {Count} CN codes from {Path}")]
    private static partial void LogDefaultsLoaded(ILogger logger, int count, string path);
}
