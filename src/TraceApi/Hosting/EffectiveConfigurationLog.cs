using System.Globalization;
using Microsoft.Extensions.Options;
using Trace.Api.Pact;
using Trace.Api.Provenance;
using Trace.Chain.Rpc;
using Trace.Node;
using Trace.Node.Access;
using Trace.Node.Anchoring;
using Trace.Node.Blobs;
using Trace.Node.Carbon.Factors;
using Trace.Node.Chain;
using Trace.Node.Evidence;
using Trace.Node.Hosting;
using Trace.Node.Indexing;
using Trace.Node.Limits;
using Trace.Node.Storage;

namespace Trace.Api.Hosting;

/// <summary>
/// Logs every setting the README documents once at start, as the node will use it (defaults, settings files,
/// environment and command line merged), so an operator sees what applies; keys, passwords and RPC URL paths are not shown.
/// </summary>
/// <remarks>Registered before the engine's hosted services, so the line comes before the chain starts.</remarks>
public sealed partial class EffectiveConfigurationLog(IServiceProvider services, IHostEnvironment environment, ILogger<EffectiveConfigurationLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogEffective(logger, environment.EnvironmentName, environment.ContentRootPath, Describe());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>"Section:Key=value; ..." in the README's order.</summary>
    public string Describe()
    {
        T Get<T>() where T : class => services.GetRequiredService<IOptions<T>>().Value;
        var node = Get<TraceNodeOptions>();
        var api = Get<ApiOptions>();
        var chain = Get<ChainOptions>();
        var rpc = Get<JsonRpcOptions>();
        var storage = Get<TraceStorageOptions>();
        var blobs = Get<BlobStoreOptions>();
        var indexing = Get<IndexingOptions>();
        var anchoring = Get<AnchoringOptions>();
        var evidence = Get<EvidenceOptions>();
        var carbon = Get<CarbonFactorOptions>();
        var access = Get<AccessOptions>();
        var content = Get<ContentEncryptionOptions>();
        var limits = Get<SubmissionLimitsOptions>();
        var pact = Get<PactApiOptions>();
        var provenance = Get<ProvenanceOptions>();
        (string Key, object? Value)[] settings =
        [
            ("Trace:DataDirectory", node.DataDirectoryFullPath),
            ("Api:GrpcUrl", api.GrpcUrl),
            ("Api:HttpUrl", string.IsNullOrWhiteSpace(api.HttpUrl) ? "(disabled)" : api.HttpUrl),
            ("Api:Tls:CertificatePath", string.IsNullOrWhiteSpace(api.Tls.CertificatePath) ? "(none)" : api.Tls.CertificatePath),
            ("Api:Tls:KeyPath", string.IsNullOrWhiteSpace(api.Tls.KeyPath) ? "(none)" : api.Tls.KeyPath),
            ("Api:Tls:Password", SecretRedaction.Presence(api.Tls.Password)),
            ("Api:AllowPlaintextOnPublicAddress", api.AllowPlaintextOnPublicAddress),
            ("Chain:RpcUrl", chain.IsEmbedded ? "(empty: embedded Anvil)" : SecretRedaction.Url(chain.RpcUrl)),
            ("Chain:ChainId", chain.ChainId),
            ("Chain:OperatorKey", SecretRedaction.Presence(chain.OperatorKey)),
            ("Chain:OperatorKeystore", string.IsNullOrWhiteSpace(chain.OperatorKeystore) ? "(none)" : chain.OperatorKeystore),
            ("Chain:OperatorKeystorePassword", SecretRedaction.Presence(chain.OperatorKeystorePassword)),
            ("Chain:AdminKey", SecretRedaction.Presence(chain.AdminKey)),
            ("Chain:AdminKeystore", string.IsNullOrWhiteSpace(chain.AdminKeystore) ? "(none)" : chain.AdminKeystore),
            ("Chain:AdminKeystorePassword", SecretRedaction.Presence(chain.AdminKeystorePassword)),
            ("Chain:Confirmations", chain.Confirmations),
            ("Chain:EmbeddedBlockTimeSeconds", chain.EmbeddedBlockTimeSeconds),
            ("Rpc:RequestTimeout", rpc.RequestTimeout),
            ("Rpc:MaxRetries", rpc.MaxRetries),
            ("Rpc:InitialBackoff", rpc.InitialBackoff),
            ("Rpc:MaxBackoff", rpc.MaxBackoff),
            ("Trace:Storage:Provider", storage.Provider),
            ("Trace:Storage:ConnectionString", storage.ConnectionString is null && storage.Provider == StorageProvider.Sqlite
                ? $"(default: {Path.Combine(storage.DataDirectory, "trace.db")})"
                : SecretRedaction.ConnectionString(storage.ConnectionString)),
            ("Trace:Blobs:RootDirectory", Path.GetFullPath(blobs.RootDirectory)),
            ("Trace:Blobs:MaxBlobBytes", blobs.MaxBlobBytes),
            ("Trace:Blobs:SmallBlobMaxBytes", blobs.SmallBlobMaxBytes),
            ("Trace:Content:KeyEncryptionKey", SecretRedaction.Presence(content.KeyEncryptionKey)),
            ("Trace:Content:KeyEncryptionKeyFile", string.IsNullOrWhiteSpace(content.KeyEncryptionKeyFile)
                ? $"(none: generated {content.GeneratedKeyFile})" : content.KeyEncryptionKeyFile),
            ("Trace:Content:RetiredKeyEncryptionKeyFiles", content.RetiredKeyEncryptionKeyFiles.Count),
            ("Trace:Limits:RecordsPerSecond", limits.RecordsPerSecond),
            ("Trace:Limits:RecordsBurst", limits.RecordsBurst),
            ("Trace:Limits:StorageQuotaBytes", limits.StorageQuotaBytes),
            ("Trace:Indexing:Enabled", indexing.Enabled),
            ("Trace:Indexing:PollIntervalMilliseconds", indexing.PollIntervalMilliseconds),
            ("Trace:Anchoring:MaxBatchSize", anchoring.MaxBatchSize),
            ("Trace:Anchoring:MaxBatchDelayMilliseconds", anchoring.MaxBatchDelayMilliseconds),
            ("Trace:Anchoring:MaxBatchesInFlight", anchoring.MaxBatchesInFlight),
            ("Trace:Anchoring:Enabled", anchoring.Enabled),
            ("Trace:Evidence:MaxMetadataBytes", evidence.MaxMetadataBytes),
            ("Trace:Evidence:MaxRecordJsonBytes", evidence.MaxRecordJsonBytes),
            ("Trace:Evidence:IssuerCacheDuration", evidence.IssuerCacheDuration),
            ("Trace:Carbon:TransportFactorsPath", string.IsNullOrWhiteSpace(carbon.TransportFactorsPath) ? "(shipped set)" : Path.GetFullPath(carbon.TransportFactorsPath)),
            ("Trace:Carbon:FactorSigningKey", SecretRedaction.Presence(carbon.FactorSigningKey)),
            ("Trace:Carbon:FactorSigningKeystore", string.IsNullOrWhiteSpace(carbon.FactorSigningKeystore) ? "(none)" : carbon.FactorSigningKeystore),
            ("Trace:Carbon:FactorSigningKeystorePassword", SecretRedaction.Presence(carbon.FactorSigningKeystorePassword)),
            ("Trace:Access:Domain", access.Domain),
            ("Trace:Access:Uri", access.Uri),
            ("Trace:Access:TokenSigningKey", string.IsNullOrWhiteSpace(access.TokenSigningKey) ? "(generated: <data>/access/token-signing.key)" : SecretRedaction.Presence(access.TokenSigningKey)),
            ("Trace:Access:TokenLifetime", access.TokenLifetime),
            ("Trace:Access:ChallengeLifetime", access.ChallengeLifetime),
            // Client ids only: a secret's hash is not shown either.
            ("Pact:Clients", pact.Clients.Count == 0 ? "(none: PACT API off)" : string.Join(",", pact.Clients.Select(c => c.ClientId))),
            ("Pact:TokenLifetimeSeconds", pact.TokenLifetimeSeconds),
            ("Pact:MaxPageSize", pact.MaxPageSize),
            ("Provenance:PublicBaseUrl", provenance.PublicBaseUrl.Length == 0 ? "(the request's host)" : provenance.PublicBaseUrl),
            ("Provenance:ExplorerTxUrlTemplate", provenance.ExplorerTxUrlTemplate.Length == 0 ? "(none: chain id and transaction hash)" : provenance.ExplorerTxUrlTemplate),
            // Like Chain:RpcUrl, a provider's URL may carry an API key in its path or query: where it points only.
            ("Provenance:PublicRpcUrl", Uri.TryCreate(provenance.PublicRpcUrl, UriKind.Absolute, out var publicRpc) ? $"{publicRpc.Scheme}://{publicRpc.Host}:{publicRpc.Port}" : "(the node's)"),
            ("Provenance:MaxGraphNodes", provenance.MaxGraphNodes),
        ];
        return string.Join("; ", settings.Select(s => $"{s.Key}={Convert.ToString(s.Value, CultureInfo.InvariantCulture)}"));
    }

    [LoggerMessage(2100, LogLevel.Information, "Effective configuration (environment {Environment}, settings files from {SettingsDirectory}): {Settings}")]
    private static partial void LogEffective(ILogger logger, string environment, string settingsDirectory, string settings);
}
