using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Chain.Contracts.Dtos.Participants;
using Trace.Chain.Rpc;
using Trace.Node.Chain;

namespace Trace.Node.Access;

/// <summary>
/// Follows the ParticipantRegistry's events from the chain head and clears <see cref="KeyStandings"/> whenever one
/// may change a key's standing, so a suspended participant, a retired key or a revoked role is refused on the next
/// call after the event's block is seen (within Trace:Access:StandingPollIntervalMilliseconds), not at token expiry.
/// </summary>
/// <remarks>
/// Reads the newest blocks with no confirmation depth: a suspension must bite at once, and an event undone by a
/// reorganisation only costs one needless re-read. Nothing is kept across restarts: the cache starts empty.
/// </remarks>
public sealed partial class KeyStandingFollower(
    TraceContracts contracts,
    ChainConnection chain,
    KeyStandings standings,
    IOptions<AccessOptions> options,
    TimeProvider clock,
    ILogger<KeyStandingFollower> logger) : BackgroundService
{
    private ulong? _next;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try { await contracts.Ready.WaitAsync(stoppingToken).ConfigureAwait(false); }
        catch (OperationCanceledException) { return; }
        catch (Exception) { return; } // the contracts never came up: the host reports that itself

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Events may be lost while the chain is unreachable: forget everything rather than trust stale answers.
                standings.InvalidateAll();
                LogFailed(logger, ex);
            }
            try { await Task.Delay(options.Value.StandingPollInterval, clock, stoppingToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Looks at the blocks mined since the last poll; clears the standings when one holds a registry event.</summary>
    public async Task PollAsync(CancellationToken ct)
    {
        var head = await chain.Eth.BlockNumberAsync(ct).ConfigureAwait(false);
        if (_next is not { } from)
        {
            // First poll: anything older is what the empty cache will read anyway.
            _next = head + 1;
            return;
        }
        if (from > head) return;
        var definition = contracts.Participants.Contract.Definition;
        var filter = new LogFilter(from, head, [contracts.Deployment.ParticipantRegistry]);
        var changed = false;
        await foreach (var (logs, _) in new LogPager(chain.Eth).ReadAsync(filter, ct).ConfigureAwait(false))
        {
            foreach (var log in logs)
            {
                var name = definition.DecodeEvent(log)?.Dto switch
                {
                    ParticipantRegisteredEvent => "ParticipantRegistered",
                    KeyAddedEvent => "KeyAdded",
                    KeyRetiredEvent => "KeyRetired",
                    ParticipantSuspendedEvent => "ParticipantSuspended",
                    ParticipantReactivatedEvent => "ParticipantReactivated",
                    RolesGrantedEvent => "RolesGranted",
                    RolesRevokedEvent => "RolesRevoked",
                    RoleGrantedEvent => "RoleGranted",
                    RoleRevokedEvent => "RoleRevoked",
                    _ => null,
                };
                if (name is null) continue;
                LogEvent(logger, name, log.BlockNumber);
                changed = true;
            }
        }
        if (changed) standings.InvalidateAll();
        _next = head + 1;
    }

    [LoggerMessage(8000, LogLevel.Debug, "ParticipantRegistry {Event} in block {Block}: key standings re-read on next use")]
    private static partial void LogEvent(ILogger logger, string @event, ulong block);

    [LoggerMessage(8001, LogLevel.Warning, "Following ParticipantRegistry events failed; key standings will be re-read")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
