using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Chain;
using Trace.Node.Evidence;
using Trace.Node.Storage;
using ProtoKind = Trace.Protos.V1.RecordKind;

namespace Trace.Node.Carbon.Factors;

/// <summary>
/// At start-up: records the active transport factor set in the index (a changed set under a known version stops the
/// node), loads every earlier version into the provider, then submits the active set as a signed
/// <c>trace.transport-factor-set/v1</c> record (kind OTHER) in the background. Idempotent across restarts: the salt,
/// nonce and issue time are chosen once per version and stored, so a restart resubmits the same claim, and a set
/// already submitted is not submitted again.
/// </summary>
public sealed class TransportFactorSetStartup(
    TransportFactorProvider provider,
    TraceStore store,
    TraceContracts contracts,
    ChainConnection chain,
    EvidenceIntake intake,
    IssuerDirectory issuers,
    IOptions<CarbonFactorOptions> options,
    IOptions<ChainOptions> chainOptions,
    TimeProvider clock,
    ILogger<TransportFactorSetStartup> logger) : IHostedService, IDisposable
{
    /// <summary>Participant id prefix of the key registered in embedded mode: keccak256("trace-factor-publisher:" + address).</summary>
    public const string PublisherIdPrefix = "trace-factor-publisher:";

    private readonly CancellationTokenSource _stopping = new();
    private Task _anchoring = Task.CompletedTask;

    /// <summary>The subject id of a set's record: <c>urn:trace:transport-factor-set:&lt;version&gt;</c>.</summary>
    public static string SubjectIdOf(string version) => "urn:trace:transport-factor-set:" + version;

    /// <summary>Completes when the background submission has finished (anchored, not anchored, or stopped).</summary>
    public Task Anchoring => _anchoring;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var active = provider.Active;
        var body = TransportFactorSetJson.WriteBody(active);
        var stored = await store.ActivateFactorSetAsync(new StoredFactorSet(active.Version, body, RandomNumberGenerator.GetBytes(32),
            RandomNumberGenerator.GetBytes(32), clock.GetUtcNow().ToUnixTimeSeconds(), null, default, default), cancellationToken).ConfigureAwait(false);
        if (!string.Equals(stored.BodyJson, body, StringComparison.Ordinal))
            throw new TransportFactorSetException(provider.ActiveSource, "version",
                $"version '{active.Version}' is already known to this node with other rows or sources; footprints cite a version, so give a changed set a new version");
        var known = await store.GetFactorSetsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var set in known)
            provider.Remember(TransportFactorSetJson.Read(set.BodyJson, $"stored set {set.Version}") with { RecordId = set.RecordId });
        Log.FactorSetActive(logger, active.Version, provider.ActiveSource, known.Count);

        // Resolved now, so a malformed key stops start-up instead of failing quietly later.
        var key = FactorSigningKeyLoader.Load(options.Value, chainOptions.Value);
        if (key is null)
        {
            NotAnchored(active.Version, "no factor signing key: set Trace:Carbon:FactorSigningKey (or FactorSigningKeystore) to a key registered as supplier, carrier or verifier");
            return;
        }
        _anchoring = Task.Run(() => AnchorAsync(stored, key, _stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _anchoring.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task AnchorAsync(StoredFactorSet stored, EthereumKey key, CancellationToken ct)
    {
        using var _ = key;
        var registered = false;
        try
        {
            if (stored.RecordId is { } existing && await store.GetRecordAsync(existing, ct).ConfigureAwait(false) is not null)
            {
                provider.MarkAnchored(existing);
                return;
            }
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    var standing = (await contracts.Participants.StandingAtAsync(key.Address, IssuingRoles.Any, (ulong)clock.GetUtcNow().ToUnixTimeSeconds(), ct)
                        .ConfigureAwait(false)).Standing;
                    Log.FactorKeyStanding(logger, key.Address, standing);
                    if (standing != KeyStanding.Authorised && !registered)
                    {
                        if (!(chainOptions.Value.IsEmbedded && standing == KeyStanding.UnknownKey))
                        {
                            NotAnchored(stored.Version, $"the factor signing key {key.Address} may not issue records ({standing}); register it as supplier, carrier or verifier");
                            return;
                        }
                        // Embedded mode: this node is the registry admin of a local chain, so it registers its own publisher.
                        await contracts.Participants.RegisterParticipantAsync(Keccak256.HashUtf8(PublisherIdPrefix + key.Address), "trace:transport-factor-publisher",
                            new byte[32], ParticipantRoles.Supplier, [key.Address], ct).ConfigureAwait(false);
                        registered = true;
                        issuers.Invalidate();
                        Log.FactorKeyRegistered(logger, key.Address);
                    }
                    var recordId = await SubmitAsync(stored, key, ct).ConfigureAwait(false);
                    await store.SetFactorSetRecordAsync(stored.Version, recordId, ct).ConfigureAwait(false);
                    provider.MarkAnchored(recordId);
                    Log.FactorSetSubmitted(logger, stored.Version, recordId, key.Address);
                    return;
                }
                catch (IssuerNotPermittedException ex) when (!registered)
                {
                    NotAnchored(stored.Version, ex.Message);
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // Transient (chain or index busy, a registration not yet visible at the wall-clock time): try again.
                    var delay = options.Value.AnchoringRetryDelay;
                    Log.FactorSetSubmitRetry(logger, stored.Version, ex.GetType().Name + ": " + ex.Message, delay);
                    provider.MarkNotAnchored($"submission failed, retrying: {ex.Message}");
                    await Task.Delay(delay, clock, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task<string> SubmitAsync(StoredFactorSet stored, EthereumKey key, CancellationToken ct)
    {
        var subjectId = SubjectIdOf(stored.Version);
        var record = SaltedRecord.Seal(stored.BodyJson, stored.Salt);
        var signer = new ClaimSigner(key, chain.ChainId, contracts.Deployment.EvidenceRegistry, clock);
        var signed = signer.Sign(record.ContentHash, ProtoKind.Other, subjectId, (ulong)stored.IssuedAt, stored.Nonce);
        var claim = new SubmittedClaim(signed.Claim.ContentHash.ToByteArray(), (int)signed.Claim.Kind, signed.Claim.Subject.ToByteArray(), signed.Claim.Issuer,
            signed.Claim.IssuedAt, signed.Claim.Nonce.ToByteArray(), signed.Signature.ToByteArray(), subjectId);
        var result = await intake.SubmitRecordAsync(claim, record.CanonicalJson, """{"submittedBy":"trace-node","purpose":"transport factor set"}""", ct).ConfigureAwait(false);
        return result.Record.Id;
    }

    private void NotAnchored(string version, string reason)
    {
        provider.MarkNotAnchored(reason);
        Log.FactorSetNotAnchored(logger, version, reason);
    }
}
