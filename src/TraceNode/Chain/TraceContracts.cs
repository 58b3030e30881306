using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Deployment;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;

namespace Trace.Node.Chain;

/// <summary>
/// Trace's deployed registries and the operator account that anchors: deployed on first start
/// (embedded mode or an empty chain), reused from data/deployment.json afterwards.
/// </summary>
public sealed class TraceContracts(
    ChainConnection chain,
    IOptions<ChainOptions> chainOptions,
    IOptions<TraceNodeOptions> nodeOptions,
    ILoggerFactory loggerFactory) : IDisposable
{
    private EthereumKey? _operatorKey;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the contracts are deployed or found.</summary>
    public Task Ready => _ready.Task;

    public TraceDeploymentRecord Deployment { get; private set; } = null!;

    /// <summary>The typed ParticipantRegistry client (sends as the operator).</summary>
    public ParticipantRegistryClient Participants { get; private set; } = null!;

    /// <summary>The typed EvidenceRegistry client (sends as the operator).</summary>
    public EvidenceRegistryClient Evidence { get; private set; } = null!;

    /// <summary>The operator's transaction sender (anchoring, relaying signed messages).</summary>
    public TransactionSender Operator { get; private set; } = null!;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _operatorKey = OperatorKeyLoader.Load(chainOptions.Value);
            Operator = new TransactionSender(chain.Eth, _operatorKey, chain.ChainId, loggerFactory.CreateLogger<TransactionSender>());
            Deployment = await TraceDeployer.EnsureDeployedAsync(
                nodeOptions.Value.DataDirectoryFullPath, chain.Eth, Operator, loggerFactory.CreateLogger<TraceContracts>(), chainOptions.Value.IsEmbedded, cancellationToken).ConfigureAwait(false);
            Participants = ParticipantRegistryClient.Connect(Deployment.ParticipantRegistry, chain.Eth, Operator);
            Evidence = EvidenceRegistryClient.Connect(Deployment.EvidenceRegistry, chain.Eth, Operator);
            _ready.TrySetResult();
        }
        catch (Exception ex)
        {
            _ready.TrySetException(ex);
            throw;
        }
    }

    public void Dispose() => _operatorKey?.Dispose();
}
