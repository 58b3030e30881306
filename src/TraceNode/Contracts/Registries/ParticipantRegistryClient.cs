using System.Numerics;
using Trace.Crypto;
using Trace.Node.Evm.Abi;
using Trace.Node.Evm.Accounts;
using Trace.Node.Evm.Rpc;

namespace Trace.Node.Contracts.Registries;

/// <summary>
/// Typed access to ParticipantRegistry (contracts/src/ParticipantRegistry.sol) over a <see cref="ContractClient"/>:
/// admin and key transactions return the decoded receipt; reverts throw <see cref="ContractCallException"/> naming the error.
/// </summary>
public sealed class ParticipantRegistryClient
{
    private static readonly Lazy<ContractAbi> ArtifactAbi = new(() => ContractArtifact.Load("ParticipantRegistry").Abi);
    private static readonly byte[] DefaultAdminRole = new byte[32];

    public ParticipantRegistryClient(ContractClient contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Contract = contract;
    }

    /// <summary>The untyped client underneath (for functions without a typed wrapper).</summary>
    public ContractClient Contract { get; }

    public EthereumAddress Address => Contract.Address;

    /// <summary>A client for the registry at <paramref name="address"/>; read-only without <paramref name="sender"/>.</summary>
    public static ParticipantRegistryClient Connect(EthereumAddress address, EthRpc eth, TransactionSender? sender = null) =>
        new(new ContractClient("ParticipantRegistry", ArtifactAbi.Value, address, eth, sender));

    /// <summary>The same registry, sending transactions from <paramref name="sender"/>'s key.</summary>
    public ParticipantRegistryClient As(TransactionSender sender) =>
        new(new ContractClient(Contract.Name, Contract.Abi, Contract.Address, Contract.Eth, sender));

    // ------------------------------------------------------------------ admin

    /// <summary>registerParticipant: active from now with <paramref name="roles"/> and <paramref name="keys"/>. Emits ParticipantRegistered, then KeyAdded per key.</summary>
    public Task<ContractReceipt> RegisterParticipantAsync(byte[] id, string metadataUri, byte[] metadataHash, ParticipantRoles roles,
        IReadOnlyList<EthereumAddress> keys, CancellationToken ct = default) =>
        Contract.SendAsync("registerParticipant", [id, metadataUri, metadataHash, (ushort)roles, keys.Cast<object?>().ToArray()], ct: ct);

    /// <summary>updateMetadata. Emits ParticipantMetadataUpdated.</summary>
    public Task<ContractReceipt> UpdateMetadataAsync(byte[] id, string metadataUri, byte[] metadataHash, CancellationToken ct = default) =>
        Contract.SendAsync("updateMetadata", [id, metadataUri, metadataHash], ct: ct);

    /// <summary>suspendParticipant from now; <paramref name="reason"/> is an off-chain code. Emits ParticipantSuspended.</summary>
    public Task<ContractReceipt> SuspendParticipantAsync(byte[] id, ushort reason, CancellationToken ct = default) =>
        Contract.SendAsync("suspendParticipant", [id, reason], ct: ct);

    /// <summary>reactivateParticipant from now. Emits ParticipantReactivated.</summary>
    public Task<ContractReceipt> ReactivateParticipantAsync(byte[] id, CancellationToken ct = default) =>
        Contract.SendAsync("reactivateParticipant", [id], ct: ct);

    /// <summary>grantRoles from now. Emits RolesGranted.</summary>
    public Task<ContractReceipt> GrantRolesAsync(byte[] id, ParticipantRoles roles, CancellationToken ct = default) =>
        Contract.SendAsync("grantRoles", [id, (ushort)roles], ct: ct);

    /// <summary>revokeRoles from now. Emits RolesRevoked.</summary>
    public Task<ContractReceipt> RevokeRolesAsync(byte[] id, ParticipantRoles roles, CancellationToken ct = default) =>
        Contract.SendAsync("revokeRoles", [id, (ushort)roles], ct: ct);

    /// <summary>Makes <paramref name="account"/> a registry administrator (AccessControl DEFAULT_ADMIN_ROLE). Emits RoleGranted.</summary>
    public Task<ContractReceipt> GrantAdminAsync(EthereumAddress account, CancellationToken ct = default) =>
        Contract.SendAsync("grantRole", [DefaultAdminRole, account], ct: ct);

    /// <summary>Removes <paramref name="account"/>'s DEFAULT_ADMIN_ROLE. Emits RoleRevoked.</summary>
    public Task<ContractReceipt> RevokeAdminAsync(EthereumAddress account, CancellationToken ct = default) =>
        Contract.SendAsync("revokeRole", [DefaultAdminRole, account], ct: ct);

    /// <summary>The sender gives up its own DEFAULT_ADMIN_ROLE; <paramref name="callerConfirmation"/> must be the sender. Emits RoleRevoked.</summary>
    public Task<ContractReceipt> RenounceAdminAsync(EthereumAddress callerConfirmation, CancellationToken ct = default) =>
        Contract.SendAsync("renounceRole", [DefaultAdminRole, callerConfirmation], ct: ct);

    /// <summary>Whether <paramref name="account"/> holds DEFAULT_ADMIN_ROLE.</summary>
    public async Task<bool> IsAdminAsync(EthereumAddress account, CancellationToken ct = default) =>
        (bool)(await Contract.CallAsync("hasRole", [DefaultAdminRole, account], ct: ct).ConfigureAwait(false))[0]!;

    // ------------------------------------------------------------------ keys

    /// <summary>addKey (by an admin or an active key of the participant). Emits KeyAdded.</summary>
    public Task<ContractReceipt> AddKeyAsync(byte[] id, EthereumAddress key, CancellationToken ct = default) =>
        Contract.SendAsync("addKey", [id, key], ct: ct);

    /// <summary>retireKey from now, for good (by an admin or any active key of the same participant). Emits KeyRetired.</summary>
    public Task<ContractReceipt> RetireKeyAsync(EthereumAddress key, KeyRetirementReason reason, CancellationToken ct = default) =>
        Contract.SendAsync("retireKey", [key, (byte)reason], ct: ct);

    // ------------------------------------------------------------------ views

    /// <summary>standingAt: how <paramref name="key"/> stood for any of <paramref name="anyOfRoles"/> at <paramref name="timestamp"/> (unix seconds).</summary>
    public async Task<KeyStandingResult> StandingAtAsync(EthereumAddress key, ParticipantRoles anyOfRoles, ulong timestamp, CancellationToken ct = default)
    {
        var output = await Contract.CallAsync("standingAt", [key, (ushort)anyOfRoles, timestamp], ct: ct).ConfigureAwait(false);
        return new KeyStandingResult((KeyStanding)(byte)(BigInteger)output[0]!, (byte[])output[1]!);
    }

    /// <summary>isAuthorisedAt: standingAt(...) is Authorised ("was key K an active supplier at time T?").</summary>
    public async Task<bool> IsAuthorisedAtAsync(EthereumAddress key, ParticipantRoles anyOfRoles, ulong timestamp, CancellationToken ct = default) =>
        (bool)(await Contract.CallAsync("isAuthorisedAt", [key, (ushort)anyOfRoles, timestamp], ct: ct).ConfigureAwait(false))[0]!;

    /// <summary>isKeyActiveAt: registered and not retired at <paramref name="timestamp"/> (participant status not considered).</summary>
    public async Task<bool> IsKeyActiveAtAsync(EthereumAddress key, ulong timestamp, CancellationToken ct = default) =>
        (bool)(await Contract.CallAsync("isKeyActiveAt", [key, timestamp], ct: ct).ConfigureAwait(false))[0]!;

    /// <summary>keyInfo: the key's owner, activation and retirement.</summary>
    public async Task<ParticipantKeyInfo> KeyInfoAsync(EthereumAddress key, CancellationToken ct = default)
    {
        var output = await Contract.CallAsync("keyInfo", [key], ct: ct).ConfigureAwait(false);
        return new ParticipantKeyInfo((byte[])output[0]!, (ulong)(BigInteger)output[1]!, (ulong)(BigInteger)output[2]!,
            (KeyRetirementReason)(byte)(BigInteger)output[3]!);
    }

    /// <summary>participant: the current record; throws UnknownParticipant for an unknown id.</summary>
    public async Task<ParticipantInfo> ParticipantAsync(byte[] id, CancellationToken ct = default)
    {
        var output = await Contract.CallAsync("participant", [id], ct: ct).ConfigureAwait(false);
        return new ParticipantInfo((string)output[0]!, (byte[])output[1]!, (ulong)(BigInteger)output[2]!, (bool)output[3]!,
            (ParticipantRoles)(ushort)(BigInteger)output[4]!, (int)(BigInteger)output[5]!);
    }

    /// <summary>participantKeys: every key ever added, in order (empty for an unknown id).</summary>
    public async Task<IReadOnlyList<EthereumAddress>> ParticipantKeysAsync(byte[] id, CancellationToken ct = default)
    {
        var output = await Contract.CallAsync("participantKeys", [id], ct: ct).ConfigureAwait(false);
        return [.. ((object?[])output[0]!).Select(k => (EthereumAddress)k!)];
    }

    /// <summary>statusAt: active flag and roles in force at <paramref name="timestamp"/>.</summary>
    public async Task<ParticipantStatus> StatusAtAsync(byte[] id, ulong timestamp, CancellationToken ct = default)
    {
        var output = await Contract.CallAsync("statusAt", [id, timestamp], ct: ct).ConfigureAwait(false);
        return new ParticipantStatus((bool)output[0]!, (ParticipantRoles)(ushort)(BigInteger)output[1]!);
    }
}
