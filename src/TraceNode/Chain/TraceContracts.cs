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
    private EthereumKey? _adminKey;
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

    /// <summary>
    /// The registry administrator's transaction sender (Chain:AdminKey; Anvil account #1 in embedded mode), used by the
    /// participant admin RPCs; null on an external chain without an admin key.
    /// </summary>
    public TransactionSender? Admin { get; private set; }

    /// <summary>The ParticipantRegistry sending as <see cref="Admin"/>; null without an admin key.</summary>
    public ParticipantRegistryClient? AdminParticipants { get; private set; }

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
            await StartAdminAsync(loggerFactory.CreateLogger<TraceContracts>(), cancellationToken).ConfigureAwait(false);
            _ready.TrySetResult();
        }
        catch (Exception ex)
        {
            _ready.TrySetException(ex);
            throw;
        }
    }

    // Embedded mode: the operator deployed the registry, so it is admin and makes the admin key admin too (a local,
    // throwaway chain). On an external chain granting admin is the registry owner's explicit decision: only warn.
    private async Task StartAdminAsync(ILogger logger, CancellationToken cancellationToken)
    {
        _adminKey = AdminKeyLoader.TryLoad(chainOptions.Value);
        if (_adminKey is null)
        {
            Log.NoAdminKey(logger);
            return;
        }
        Admin = _adminKey.Address == Operator.Address
            ? Operator
            : new TransactionSender(chain.Eth, _adminKey, chain.ChainId, loggerFactory.CreateLogger<TransactionSender>());
        AdminParticipants = Participants.As(Admin);
        if (await Participants.IsAdminAsync(Admin.Address, cancellationToken).ConfigureAwait(false)) return;
        if (chainOptions.Value.IsEmbedded && await Participants.IsAdminAsync(Operator.Address, cancellationToken).ConfigureAwait(false))
        {
            // A configured admin key other than Anvil's funded dev accounts has no ether on the local chain to pay gas with.
            if ((await chain.Eth.GetBalanceAsync(Admin.Address, ct: cancellationToken).ConfigureAwait(false)).IsZero)
                await Operator.SendAndWaitAsync(new TransactionRequest(Admin.Address, [], System.Numerics.BigInteger.Pow(10, 20)), ct: cancellationToken).ConfigureAwait(false);
            await Participants.GrantAdminAsync(Admin.Address, cancellationToken).ConfigureAwait(false);
            Log.AdminGranted(logger, Admin.Address);
        }
        else
        {
            Log.AdminKeyNotAdmin(logger, Admin.Address);
        }
    }

    public void Dispose()
    {
        _operatorKey?.Dispose();
        _adminKey?.Dispose();
    }
}
