using System.Numerics;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;

namespace Trace.Node.Participants;

/// <summary>
/// Explains ParticipantRegistry custom errors (contracts/src/ParticipantRegistry.sol and OpenZeppelin AccessControl):
/// "ParticipantAlreadyRegistered: participant lei:... is already registered", with the kind of refusal it is.
/// </summary>
public static class RegistryErrors
{
    /// <summary>The refusal for a decoded revert, or null when it is not one of the registry's known errors.</summary>
    public static RegistryRefusal? Describe(ContractRevertException revert)
    {
        ArgumentNullException.ThrowIfNull(revert);
        if (revert.ErrorName is not { } name) return null;
        var a = revert.Arguments;
        (RegistryRefusalKind Kind, string Meaning)? described = name switch
        {
            "ParticipantAlreadyRegistered" => (RegistryRefusalKind.AlreadyExists, $"participant {Id(a, "id")} is already registered"),
            "KeyAlreadyRegistered" => (RegistryRefusalKind.AlreadyExists,
                $"key {Arg(a, "key")} already belongs to participant {Id(a, "participantId")} (a key is registered once, ever, even after retirement)"),
            "UnknownParticipant" => (RegistryRefusalKind.NotFound, $"no participant {Id(a, "id")} is registered"),
            "UnknownKey" => (RegistryRefusalKind.NotFound, $"key {Arg(a, "key")} was never registered with any participant"),
            "KeyAlreadyRetired" => (RegistryRefusalKind.FailedPrecondition, $"key {Arg(a, "key")} was already retired at {Time(a, "retiredAt")}; retirement is final"),
            "RolesUnchanged" => (RegistryRefusalKind.FailedPrecondition,
                $"participant {Id(a, "id")} already holds all of / none of the roles {Roles(a, "roles")}: the change would change nothing"),
            "ParticipantAlreadySuspended" => (RegistryRefusalKind.FailedPrecondition, $"participant {Id(a, "id")} is already suspended"),
            "ParticipantNotSuspended" => (RegistryRefusalKind.FailedPrecondition, $"participant {Id(a, "id")} is not suspended, so it cannot be reactivated"),
            "AccessControlUnauthorizedAccount" => (RegistryRefusalKind.PermissionDenied,
                $"account {Arg(a, "account")} does not hold the registry role {Role(a, "neededRole")}: the node's admin key (Chain:AdminKey) is not a ParticipantRegistry admin"),
            "NotParticipantKeyOrAdmin" => (RegistryRefusalKind.PermissionDenied,
                $"account {Arg(a, "caller")} is neither a registry admin nor an active key of participant {Id(a, "id")}"),
            "InvalidParticipantId" => (RegistryRefusalKind.InvalidArgument, "the participant id is zero"),
            "UnknownRoles" => (RegistryRefusalKind.InvalidArgument, $"role bits {Arg(a, "roles")} include roles the registry does not define, or none"),
            "NoKeys" => (RegistryRefusalKind.InvalidArgument, "a participant is registered with at least one key"),
            "InvalidKey" => (RegistryRefusalKind.InvalidArgument, "the zero address cannot be a key"),
            "InvalidRetirementReason" => (RegistryRefusalKind.InvalidArgument, $"retirement reason {Arg(a, "reason")} is neither 1 (retired) nor 2 (compromised)"),
            "InvalidAdmin" => (RegistryRefusalKind.InvalidArgument, "the admin is the zero address"),
            "UnsupportedAccessControlRole" => (RegistryRefusalKind.InvalidArgument, "the registry only has DEFAULT_ADMIN_ROLE; participant roles are granted with grantRoles"),
            "AccessControlBadConfirmation" => (RegistryRefusalKind.InvalidArgument, "renounceRole must be confirmed with the sender's own address"),
            _ => null,
        };
        return described is { } d ? new RegistryRefusal(d.Kind, name, $"{name}: {d.Meaning}") : null;
    }

    private static object? Arg(IReadOnlyDictionary<string, object?> arguments, string name) =>
        arguments.TryGetValue(name, out var value) ? value is byte[] bytes ? Hex.Encode(bytes) : value : "?";

    private static string Id(IReadOnlyDictionary<string, object?> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value is byte[] { Length: 32 } bytes ? ParticipantId.FromBytes(bytes).ToString() : $"{Arg(arguments, name)}";

    private static string Role(IReadOnlyDictionary<string, object?> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value is byte[] bytes && !bytes.AsSpan().ContainsAnyExcept((byte)0) ? "DEFAULT_ADMIN_ROLE" : $"{Arg(arguments, name)}";

    private static string Roles(IReadOnlyDictionary<string, object?> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value is BigInteger big && big >= 0 && big <= ushort.MaxValue
            ? ((ParticipantRoles)(ushort)big).ToString()
            : $"{Arg(arguments, name)}";

    private static string Time(IReadOnlyDictionary<string, object?> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value is not null && ulong.TryParse(value.ToString(), out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds((long)seconds).ToString("u", System.Globalization.CultureInfo.InvariantCulture)
            : $"{Arg(arguments, name)}";
}
