using Grpc.Health.V1;
using Grpc.HealthCheck;
using Trace.Node.Chain;

namespace Trace.Api.Hosting;

/// <summary>Reports SERVING through grpc.health.v1 while the chain answers, NOT_SERVING otherwise.</summary>
public sealed partial class ChainHealthMonitor(HealthServiceImpl health, ChainConnection chain, ILogger<ChainHealthMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = (HealthCheckResponse.Types.ServingStatus?)null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var status = await ProbeAsync(stoppingToken);
            if (status != last)
            {
                health.SetStatus("", status);
                health.SetStatus("trace.v1.NodeService", status);
                if (last is not null || status != HealthCheckResponse.Types.ServingStatus.Serving) LogHealthChanged(logger, status);
                last = status;
            }
            try { await Task.Delay(Interval, stoppingToken); } catch (OperationCanceledException) { break; }
        }
        health.SetStatus("", HealthCheckResponse.Types.ServingStatus.NotServing);
    }

    private async Task<HealthCheckResponse.Types.ServingStatus> ProbeAsync(CancellationToken ct)
    {
        try
        {
            if (chain.ManagedAnvil is { IsRunning: false }) return HealthCheckResponse.Types.ServingStatus.NotServing;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await chain.Eth.BlockNumberAsync(timeout.Token);
            return HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return HealthCheckResponse.Types.ServingStatus.NotServing;
        }
    }

    [LoggerMessage(2000, LogLevel.Warning, "Health is now {Status}")]
    private static partial void LogHealthChanged(ILogger logger, HealthCheckResponse.Types.ServingStatus status);
}
