using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Node.Participants;

namespace Trace.Node.Tests.Participants;

/// <summary>
/// Every custom error the ParticipantRegistry can revert with is explained (a kind of refusal and what it means), so
/// no registry refusal reaches a client as an undecoded selector; a new error in the contract fails this test.
/// </summary>
public sealed class RegistryErrorsTests
{
    // Library errors that only a contract bug could raise: they stay INTERNAL-looking refusals on purpose.
    private static readonly string[] NotExplained = ["CheckpointUnorderedInsertion", "SafeCastOverflowedUintDowncast"];

    public static TheoryData<string> RegistryErrorNames()
    {
        var data = new TheoryData<string>();
        foreach (var type in ErrorTypes()) data.Add(ErrorAttribute.GetAttribute(type).Name);
        return data;
    }

    private static IEnumerable<Type> ErrorTypes() =>
        typeof(ParticipantRegistryClient).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Trace.Chain.Contracts.Dtos.Participants.StandingAtFunction).Namespace && ErrorAttribute.IsErrorType(t))
            .Where(t => !NotExplained.Contains(ErrorAttribute.GetAttribute(t).Name))
            .OrderBy(t => t.Name);

    [Theory]
    [MemberData(nameof(RegistryErrorNames))]
    public void Every_registry_custom_error_is_explained_by_name(string name)
    {
        var type = ErrorTypes().Single(t => ErrorAttribute.GetAttribute(t).Name == name);
        var abi = ABITypedRegistry.GetError(type);
        // Selector followed by one zero word per (static) argument: a well-formed revert of that error.
        var data = Hex.Decode(abi.Sha3Signature).Concat(new byte[32 * abi.InputParameters.Length]).ToArray();

        var refusal = RegistryErrors.Describe(RegistryDefinitions.ParticipantRegistry.DecodeRevert(data));

        Assert.NotNull(refusal);
        Assert.Equal(name, refusal.ErrorName);
        Assert.StartsWith(name + ": ", refusal.Message);
        Assert.True(refusal.Message.Length > name.Length + 10, refusal.Message);
    }

    [Fact]
    public void The_refusal_kinds_follow_what_the_caller_can_do_about_them()
    {
        Assert.Equal(RegistryRefusalKind.AlreadyExists, Kind("ParticipantAlreadyRegistered"));
        Assert.Equal(RegistryRefusalKind.AlreadyExists, Kind("KeyAlreadyRegistered"));
        Assert.Equal(RegistryRefusalKind.NotFound, Kind("UnknownParticipant"));
        Assert.Equal(RegistryRefusalKind.NotFound, Kind("UnknownKey"));
        Assert.Equal(RegistryRefusalKind.FailedPrecondition, Kind("KeyAlreadyRetired"));
        Assert.Equal(RegistryRefusalKind.FailedPrecondition, Kind("RolesUnchanged"));
        Assert.Equal(RegistryRefusalKind.FailedPrecondition, Kind("ParticipantAlreadySuspended"));
        Assert.Equal(RegistryRefusalKind.FailedPrecondition, Kind("ParticipantNotSuspended"));
        Assert.Equal(RegistryRefusalKind.PermissionDenied, Kind("AccessControlUnauthorizedAccount"));
        Assert.Equal(RegistryRefusalKind.PermissionDenied, Kind("NotParticipantKeyOrAdmin"));
        Assert.Equal(RegistryRefusalKind.InvalidArgument, Kind("UnknownRoles"));
    }

    [Fact]
    public void A_participant_id_in_an_error_is_shown_in_its_directory_form()
    {
        var id = ParticipantId.FromLei("HWUPKR0MPOU8FGXBT394", "lei").ToBytes();
        var abi = ABITypedRegistry.GetError<Trace.Chain.Contracts.Dtos.Participants.ParticipantAlreadyRegisteredError>();
        var data = Hex.Decode(abi.Sha3Signature).Concat(id).ToArray();

        var refusal = RegistryErrors.Describe(RegistryDefinitions.ParticipantRegistry.DecodeRevert(data));

        Assert.Equal("ParticipantAlreadyRegistered: participant lei:HWUPKR0MPOU8FGXBT394 is already registered", refusal!.Message);
    }

    private static RegistryRefusalKind Kind(string name)
    {
        var type = ErrorTypes().Single(t => ErrorAttribute.GetAttribute(t).Name == name);
        var abi = ABITypedRegistry.GetError(type);
        var data = Hex.Decode(abi.Sha3Signature).Concat(new byte[32 * abi.InputParameters.Length]).ToArray();
        return RegistryErrors.Describe(RegistryDefinitions.ParticipantRegistry.DecodeRevert(data))!.Kind;
    }
}
