using Trace.Chain.Accounts;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Dto = Trace.Chain.Contracts.Dtos.Participants;

namespace Trace.Chain.Contracts.Registries;

/// <summary>
/// Typed access to ParticipantRegistry (contracts/src/ParticipantRegistry.sol) through its Nethereum DTOs:
/// admin and key transactions return the decoded receipt; reverts throw <see cref="ContractCallException"/> with the typed error.
/// </summary>
public sealed class ParticipantRegistryClient
{
    private static readonly byte[] DefaultAdminRole = new byte[32];

    /// <summary>
    /// Gas added to the estimate of a status change (suspend, reactivate, grant/revoke roles). These push a status
    /// checkpoint keyed by block.timestamp: estimated in the same second as the participant's last change the push
    /// overwrites that checkpoint (~37k gas), but mined in a later block it appends a new storage slot (~59k, +22.3k
    /// measured), which the 20% margin does not cover, so the transaction ran out of gas. 25k covers a fresh slot.
    /// </summary>
    public const ulong CheckpointAppendGas = 25_000;

    public ParticipantRegistryClient(ContractClient contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Contract = contract;
    }

    /// <summary>The typed contract client underneath (for functions without a wrapper here).</summary>
    public ContractClient Contract { get; }

    public EthereumAddress Address => Contract.Address;

    /// <summary>A client for the registry at <paramref name="address"/>; read-only without <paramref name="sender"/>.</summary>
    public static ParticipantRegistryClient Connect(EthereumAddress address, EthRpc eth, TransactionSender? sender = null) =>
        new(new ContractClient(RegistryDefinitions.ParticipantRegistry, address, eth, sender));

    /// <summary>The same registry, sending transactions from <paramref name="sender"/>'s key.</summary>
    public ParticipantRegistryClient As(TransactionSender sender) => new(Contract.As(sender));

    // ------------------------------------------------------------------ admin

    /// <summary>registerParticipant: active from now with <paramref name="roles"/> and <paramref name="keys"/>. Emits ParticipantRegistered, then KeyAdded per key.</summary>
    public Task<ContractReceipt> RegisterParticipantAsync(byte[] id, string metadataUri, byte[] metadataHash, ParticipantRoles roles,
        IReadOnlyList<EthereumAddress> keys, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.RegisterParticipantFunction
        {
            Id = id, MetadataURI = metadataUri, MetadataHash = metadataHash, Roles = (ushort)roles, Keys = [.. keys.Select(k => k.ToString())],
        }, ct: ct);

    /// <summary>updateMetadata. Emits ParticipantMetadataUpdated.</summary>
    public Task<ContractReceipt> UpdateMetadataAsync(byte[] id, string metadataUri, byte[] metadataHash, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.UpdateMetadataFunction { Id = id, MetadataURI = metadataUri, MetadataHash = metadataHash }, ct: ct);

    /// <summary>suspendParticipant from now; <paramref name="reason"/> is an off-chain code. Emits ParticipantSuspended.</summary>
    public Task<ContractReceipt> SuspendParticipantAsync(byte[] id, ushort reason, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.SuspendParticipantFunction { Id = id, Reason = reason }, ct: ct, extraGas: CheckpointAppendGas);

    /// <summary>reactivateParticipant from now. Emits ParticipantReactivated.</summary>
    public Task<ContractReceipt> ReactivateParticipantAsync(byte[] id, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.ReactivateParticipantFunction { Id = id }, ct: ct, extraGas: CheckpointAppendGas);

    /// <summary>grantRoles from now. Emits RolesGranted.</summary>
    public Task<ContractReceipt> GrantRolesAsync(byte[] id, ParticipantRoles roles, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.GrantRolesFunction { Id = id, Roles = (ushort)roles }, ct: ct, extraGas: CheckpointAppendGas);

    /// <summary>revokeRoles from now. Emits RolesRevoked.</summary>
    public Task<ContractReceipt> RevokeRolesAsync(byte[] id, ParticipantRoles roles, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.RevokeRolesFunction { Id = id, Roles = (ushort)roles }, ct: ct, extraGas: CheckpointAppendGas);

    /// <summary>Makes <paramref name="account"/> a registry administrator (AccessControl DEFAULT_ADMIN_ROLE). Emits RoleGranted.</summary>
    public Task<ContractReceipt> GrantAdminAsync(EthereumAddress account, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.GrantRoleFunction { Role = DefaultAdminRole, Account = account.ToString() }, ct: ct);

    /// <summary>Removes <paramref name="account"/>'s DEFAULT_ADMIN_ROLE. Emits RoleRevoked.</summary>
    public Task<ContractReceipt> RevokeAdminAsync(EthereumAddress account, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.RevokeRoleFunction { Role = DefaultAdminRole, Account = account.ToString() }, ct: ct);

    /// <summary>The sender gives up its own DEFAULT_ADMIN_ROLE; <paramref name="callerConfirmation"/> must be the sender. Emits RoleRevoked.</summary>
    public Task<ContractReceipt> RenounceAdminAsync(EthereumAddress callerConfirmation, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.RenounceRoleFunction { Role = DefaultAdminRole, CallerConfirmation = callerConfirmation.ToString() }, ct: ct);

    /// <summary>Whether <paramref name="account"/> holds DEFAULT_ADMIN_ROLE.</summary>
    public async Task<bool> IsAdminAsync(EthereumAddress account, CancellationToken ct = default) =>
        (await Contract.QueryAsync<Dto.HasRoleFunction, Dto.HasRoleOutput>(new() { Role = DefaultAdminRole, Account = account.ToString() }, ct: ct).ConfigureAwait(false)).ReturnValue1;

    // ------------------------------------------------------------------ keys

    /// <summary>addKey (by an admin or an active key of the participant). Emits KeyAdded.</summary>
    public Task<ContractReceipt> AddKeyAsync(byte[] id, EthereumAddress key, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.AddKeyFunction { Id = id, Key = key.ToString() }, ct: ct);

    /// <summary>retireKey from now, for good (by an admin or any active key of the same participant). Emits KeyRetired.</summary>
    public Task<ContractReceipt> RetireKeyAsync(EthereumAddress key, KeyRetirementReason reason, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.RetireKeyFunction { Key = key.ToString(), Reason = (byte)reason }, ct: ct);

    // ------------------------------------------------------------------ views

    /// <summary>standingAt: how <paramref name="key"/> stood for any of <paramref name="anyOfRoles"/> at <paramref name="timestamp"/> (unix seconds).</summary>
    public async Task<KeyStandingResult> StandingAtAsync(EthereumAddress key, ParticipantRoles anyOfRoles, ulong timestamp, CancellationToken ct = default)
    {
        var output = await Contract.QueryAsync<Dto.StandingAtFunction, Dto.StandingAtOutput>(
            new() { Key = key.ToString(), AnyOfRoles = (ushort)anyOfRoles, Timestamp = timestamp }, ct: ct).ConfigureAwait(false);
        return new KeyStandingResult((KeyStanding)output.Standing, output.ParticipantId);
    }

    /// <summary>isAuthorisedAt: standingAt(...) is Authorised ("was key K an active supplier at time T?").</summary>
    public async Task<bool> IsAuthorisedAtAsync(EthereumAddress key, ParticipantRoles anyOfRoles, ulong timestamp, CancellationToken ct = default) =>
        (await Contract.QueryAsync<Dto.IsAuthorisedAtFunction, Dto.IsAuthorisedAtOutput>(
            new() { Key = key.ToString(), AnyOfRoles = (ushort)anyOfRoles, Timestamp = timestamp }, ct: ct).ConfigureAwait(false)).ReturnValue1;

    /// <summary>isKeyActiveAt: registered and not retired at <paramref name="timestamp"/> (participant status not considered).</summary>
    public async Task<bool> IsKeyActiveAtAsync(EthereumAddress key, ulong timestamp, CancellationToken ct = default) =>
        (await Contract.QueryAsync<Dto.IsKeyActiveAtFunction, Dto.IsKeyActiveAtOutput>(
            new() { Key = key.ToString(), Timestamp = timestamp }, ct: ct).ConfigureAwait(false)).ReturnValue1;

    /// <summary>keyInfo: the key's owner, activation and retirement.</summary>
    public async Task<ParticipantKeyInfo> KeyInfoAsync(EthereumAddress key, CancellationToken ct = default)
    {
        var output = await Contract.QueryAsync<Dto.KeyInfoFunction, Dto.KeyInfoOutput>(new() { Key = key.ToString() }, ct: ct).ConfigureAwait(false);
        return new ParticipantKeyInfo(output.ParticipantId, output.AddedAt, output.RetiredAt, (KeyRetirementReason)output.RetirementReason);
    }

    /// <summary>participant: the current record; throws UnknownParticipant for an unknown id.</summary>
    public async Task<ParticipantInfo> ParticipantAsync(byte[] id, CancellationToken ct = default)
    {
        var output = await Contract.QueryAsync<Dto.ParticipantFunction, Dto.ParticipantOutput>(new() { Id = id }, ct: ct).ConfigureAwait(false);
        return new ParticipantInfo(output.MetadataURI, output.MetadataHash, output.RegisteredAt, output.Active, (ParticipantRoles)output.Roles, (int)output.KeyCount);
    }

    /// <summary>participantKeys: every key ever added, in order (empty for an unknown id).</summary>
    public async Task<IReadOnlyList<EthereumAddress>> ParticipantKeysAsync(byte[] id, CancellationToken ct = default)
    {
        var output = await Contract.QueryAsync<Dto.ParticipantKeysFunction, Dto.ParticipantKeysOutput>(new() { Id = id }, ct: ct).ConfigureAwait(false);
        return [.. output.ReturnValue1.Select(EthereumAddress.Parse)];
    }

    /// <summary>statusAt: active flag and roles in force at <paramref name="timestamp"/>.</summary>
    public async Task<ParticipantStatus> StatusAtAsync(byte[] id, ulong timestamp, CancellationToken ct = default)
    {
        var output = await Contract.QueryAsync<Dto.StatusAtFunction, Dto.StatusAtOutput>(new() { Id = id, Timestamp = timestamp }, ct: ct).ConfigureAwait(false);
        return new ParticipantStatus(output.Active, (ParticipantRoles)output.Roles);
    }

    /// <summary>statusHistoryLength and statusHistoryAt: every status checkpoint of the participant, oldest first (empty for an unknown id).</summary>
    public async Task<IReadOnlyList<ParticipantStatusCheckpoint>> StatusHistoryAsync(byte[] id, CancellationToken ct = default)
    {
        var length = (await Contract.QueryAsync<Dto.StatusHistoryLengthFunction, Dto.StatusHistoryLengthOutput>(new() { Id = id }, ct: ct).ConfigureAwait(false)).ReturnValue1;
        var history = new List<ParticipantStatusCheckpoint>((int)length);
        for (uint i = 0; i < length; i++)
        {
            var entry = await Contract.QueryAsync<Dto.StatusHistoryAtFunction, Dto.StatusHistoryAtOutput>(new() { Id = id, Index = i }, ct: ct).ConfigureAwait(false);
            history.Add(new ParticipantStatusCheckpoint(entry.Since, entry.Active, (ParticipantRoles)entry.Roles));
        }
        return history;
    }

    /// <summary>version: the deployed contract's version string.</summary>
    public async Task<string> VersionAsync(CancellationToken ct = default) =>
        (await Contract.QueryAsync<Dto.VersionFunction, Dto.VersionOutput>(new(), ct: ct).ConfigureAwait(false)).ReturnValue1;
}
