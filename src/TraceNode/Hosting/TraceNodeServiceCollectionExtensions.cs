using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Trace.Chain.Rpc;
using Trace.Node.Access;
using Trace.Node.Anchoring;
using Trace.Node.Assurance;
using Trace.Node.Blobs;
using Trace.Node.ContentAccess;
using Trace.Node.Limits;
using Trace.Node.Carbon.Factors;
using Trace.Node.Chain;
using Trace.Node.Decisions.Hosting;
using Trace.Node.Evidence;
using Trace.Node.Lineage.Hosting;
using Trace.Node.Lineage.Records;
using Trace.Node.Participants;
using Trace.Node.Rebuild;
using Trace.Node.Standards.Cbam;
using Trace.Node.Standards.Epcis;
using Trace.Node.Standards.Pact;
using Trace.Node.Storage;
using Trace.Node.Verification;

namespace Trace.Node.Hosting;

/// <summary>Registers the Trace engine (chain, contracts, index, blobs, intake, anchoring, verification) with validated options.</summary>
public static class TraceNodeServiceCollectionExtensions
{
    public static IServiceCollection AddTraceNode(this IServiceCollection services)
    {
        services.AddOptions<TraceNodeOptions>().BindConfiguration(TraceNodeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChainOptions>().BindConfiguration(ChainOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JsonRpcOptions>().BindConfiguration("Rpc").ValidateDataAnnotations().ValidateOnStart();

        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnchoringOptions>().BindConfiguration(AnchoringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ChainConnection>();
        services.AddHostedService<ChainConnectionHostedService>();

        services.AddTraceStorage();
        services.AddTraceBlobStore();
        services.TryAddSingleton<IRecordJournal, BlobRecordJournal>();
        // The index and blobs live under Trace:DataDirectory unless their own settings say otherwise.
        services.AddOptions<TraceStorageOptions>().Configure<IOptions<TraceNodeOptions>, IConfiguration>((storage, node, config) =>
        {
            if (config[$"{TraceStorageOptions.SectionName}:DataDirectory"] is null) storage.DataDirectory = node.Value.DataDirectoryFullPath;
        });
        services.AddOptions<BlobStoreOptions>().Configure<IOptions<TraceNodeOptions>, IConfiguration>((blobs, node, config) =>
        {
            if (config[$"{BlobStoreOptions.SectionName}:RootDirectory"] is null) blobs.RootDirectory = Path.Combine(node.Value.DataDirectoryFullPath, "blobs");
        });
        services.AddOptions<ContentEncryptionOptions>().Configure<IOptions<TraceNodeOptions>>((content, node) =>
            content.GeneratedKeyFile ??= Path.Combine(node.Value.DataDirectoryFullPath, "keys", "content-kek.key"));

        // Started after the chain connection and the database migration (hosted services start in order).
        services.AddSingleton<TraceContracts>();
        services.AddHostedService<TraceContractsHostedService>();

        services.AddSingleton<IssuerDirectory>();
        services.AddSingleton<ParticipantDirectory>();
        services.AddSingleton<ParticipantAdministration>();
        services.AddSingleton<ClaimValidator>();
        services.AddSingleton<LineageRecordReader>();
        services.AddSingleton<EvidenceIntake>();
        services.AddSingleton<RecordVerifier>();
        services.AddSingleton<LineageRowAudit>();
        services.AddSingleton<IndexAuditor>();
        services.AddSingleton<IndexRebuilder>();
        services.AddSingleton<RevocationRelay>();

        services.AddSingleton<RootLedger>();
        services.AddSingleton<IAnchoringChain, RegistryAnchoringChain>();
        services.AddSingleton<BatchAnchorer>();
        services.AddSingleton<ConfirmationTracker>();
        services.AddSingleton<AnchoringService>();
        services.AddSingleton<IClaimQueueListener>(provider => provider.GetRequiredService<AnchoringService>());
        services.AddHostedService(provider => provider.GetRequiredService<AnchoringService>());

        // Every registry event, confirmation-deep, from a stored cursor; the lineage reads the flags it indexes.
        services.AddTraceAssurance();

        // After the index migration and the contracts: the active factor set is stored, then anchored.
        services.AddTransportFactors();

        services.AddTraceLineage();
        services.AddTraceContentAccess();
        services.AddOptions<SubmissionLimitsOptions>().BindConfiguration(SubmissionLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SubmissionLimiter>();
        services.AddTraceEpcis();
        services.AddTraceCbam();
        services.AddTraceDecisions();

        // After the contracts: sign-in and the key standings read the ParticipantRegistry.
        services.AddTraceAccess();
        services.AddTracePact();
        return services;
    }
}
