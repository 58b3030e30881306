using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Node.Participants;
using Trace.Protos.V1;
using IdentityDocument = Trace.Protos.V1.IdentityDocument;
using KeyRetirementReason = Trace.Protos.V1.KeyRetirementReason;

namespace Trace.Api.Tests.Participants;

/// <summary>
/// A change the ParticipantRegistry refuses comes back as a status that fits (ALREADY_EXISTS, NOT_FOUND,
/// FAILED_PRECONDITION, PERMISSION_DENIED) with a message naming the custom error and what it means, never as an
/// undecoded revert. Bad input is refused before any transaction, naming the field.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class RegistryRevertTests(EvidenceNodeFixture node)
{
    private ParticipantService.ParticipantServiceClient Participants => AdminChannel.AsAdmin(node);

    private async Task<(string Id, EthereumKey Key, IdentityDocument Identity)> RegisterAsync()
    {
        var key = EthereumKey.Generate();
        var identity = Organisations.WithLei("Revert Test GmbH");
        var response = await Participants.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Identity = identity, Roles = { ParticipantRole.Supplier }, Keys = { key.Address.ToString() },
        });
        return (response.Participant.ParticipantId, key, identity);
    }

    private static byte[] DocumentHash(IdentityDocument identity) =>
        System.Security.Cryptography.SHA256.HashData(Trace.Node.Participants.IdentityDocument.Create(
            identity.LegalName, identity.Country, identity.Lei, identity.Gln, identity.ContactName, identity.ContactEmail).ToCanonicalJson());

    private static async Task<RpcException> Refused(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    [Fact]
    public async Task Registering_a_taken_id_is_already_exists_naming_ParticipantAlreadyRegistered()
    {
        var (id, _, identity) = await RegisterAsync();
        var renamed = identity.Clone();
        renamed.LegalName = "Squatter Ltd";

        var error = await Refused(() => Participants.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Identity = renamed, Roles = { ParticipantRole.Buyer }, Keys = { EthereumKey.Generate().Address.ToString() },
        }).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains($"ParticipantAlreadyRegistered: participant {id} is already registered", error.Status.Detail);
        // The refused registration's identity document was not stored; the registered one was.
        Assert.False(StoredContent.Holds(node, DocumentHash(renamed)));
        Assert.True(StoredContent.Holds(node, DocumentHash(identity)));
    }

    [Fact]
    public async Task Registering_a_key_of_another_participant_is_already_exists_naming_KeyAlreadyRegistered()
    {
        var (id, key, _) = await RegisterAsync();

        var error = await Refused(() => Participants.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Identity = Organisations.WithGln("Key Thief"), Roles = { ParticipantRole.Buyer }, Keys = { key.Address.ToString() },
        }).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains($"KeyAlreadyRegistered: key {key.Address} already belongs to participant {id}", error.Status.Detail);
    }

    [Fact]
    public async Task Changing_an_unknown_participant_is_not_found_naming_UnknownParticipant()
    {
        var unknown = "lei:" + Organisations.NewLei();

        var error = await Refused(() => Participants.AddParticipantKeyAsync(new AddParticipantKeyRequest
        {
            ParticipantId = unknown, Key = EthereumKey.Generate().Address.ToString(),
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains($"UnknownParticipant: no participant {unknown} is registered", error.Status.Detail);
        var read = await Refused(() => Participants.GetParticipantAsync(new GetParticipantRequest { ParticipantId = unknown }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, read.StatusCode);
        Assert.StartsWith("participant_id", read.Status.Detail);
    }

    [Fact]
    public async Task State_conflicts_are_failed_precondition_naming_the_custom_error()
    {
        var (id, key, _) = await RegisterAsync();

        var unchanged = await Refused(() => Participants.GrantParticipantRolesAsync(new GrantParticipantRolesRequest { ParticipantId = id, Roles = { ParticipantRole.Supplier } }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, unchanged.StatusCode);
        Assert.Contains("RolesUnchanged", unchanged.Status.Detail);

        var notSuspended = await Refused(() => Participants.ReactivateParticipantAsync(new ReactivateParticipantRequest { ParticipantId = id }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, notSuspended.StatusCode);
        Assert.Contains($"ParticipantNotSuspended: participant {id} is not suspended", notSuspended.Status.Detail);

        await Participants.SuspendParticipantAsync(new SuspendParticipantRequest { ParticipantId = id, Reason = SuspensionReason.Administrative });
        var twice = await Refused(() => Participants.SuspendParticipantAsync(new SuspendParticipantRequest { ParticipantId = id, Reason = SuspensionReason.Administrative }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Contains($"ParticipantAlreadySuspended: participant {id} is already suspended", twice.Status.Detail);

        await Participants.RetireParticipantKeyAsync(new RetireParticipantKeyRequest { Key = key.Address.ToString(), Reason = KeyRetirementReason.Retired });
        var retiredTwice = await Refused(() => Participants.RetireParticipantKeyAsync(new RetireParticipantKeyRequest { Key = key.Address.ToString(), Reason = KeyRetirementReason.Retired }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, retiredTwice.StatusCode);
        Assert.Contains($"KeyAlreadyRetired: key {key.Address} was already retired", retiredTwice.Status.Detail);

        var unknownKey = EthereumKey.Generate().Address;
        var notFound = await Refused(() => Participants.RetireParticipantKeyAsync(new RetireParticipantKeyRequest { Key = unknownKey.ToString(), Reason = KeyRetirementReason.Retired }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Contains($"UnknownKey: {unknownKey} was never registered", notFound.Status.Detail);
    }

    [Fact]
    public async Task A_registry_change_sent_by_a_key_without_admin_is_explained_as_AccessControlUnauthorizedAccount()
    {
        // The revert a non-admin gets from the real registry, decoded and explained the way the API answers it.
        var outsider = EthereumKey.Generate();
        await node.FundAsync(outsider.Address, System.Numerics.BigInteger.Pow(10, 18));
        var registry = ParticipantRegistryClient.Connect(node.ParticipantRegistry, node.Eth, new TransactionSender(node.Eth, outsider, node.Node.ChainId));

        var revert = await Assert.ThrowsAsync<ContractCallException>(() => registry.SuspendParticipantAsync(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray(), 1));
        var refusal = RegistryErrors.Describe(revert.Revert);

        Assert.NotNull(refusal);
        Assert.Equal(RegistryRefusalKind.PermissionDenied, refusal.Kind);
        Assert.StartsWith($"AccessControlUnauthorizedAccount: account {outsider.Address} does not hold the registry role DEFAULT_ADMIN_ROLE", refusal.Message);
    }

    public static TheoryData<string, string> BadRegistrations => new()
    {
        { "lei check digits", "identity.lei" },
        { "gln check digit", "identity.gln" },
        { "no lei nor gln", "identity" },
        { "country", "identity.country" },
        { "no name", "identity.legal_name" },
        { "email", "identity.contact_email" },
        { "no roles", "roles" },
        { "unspecified role", "roles[0]" },
        { "no keys", "keys" },
        { "bad key", "keys[1]" },
        { "repeated key", "keys[1]" },
        { "no identity", "identity" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task A_malformed_registration_is_invalid_argument_naming_the_field(string what, string field)
    {
        var key = EthereumKey.Generate().Address.ToString();
        var request = new RegisterParticipantRequest { Identity = Organisations.WithLei("Bad Input Ltd"), Roles = { ParticipantRole.Supplier }, Keys = { key } };
        switch (what)
        {
            // Valid check digits are 02-98 and only their value mod 97 counts ("00" passes where "97" does): 02 or 03 is always wrong.
            case "lei check digits": request.Identity.Lei = request.Identity.Lei[..18] + (request.Identity.Lei[18..] == "02" ? "03" : "02"); break;
            case "gln check digit": request.Identity.Lei = ""; request.Identity.Gln = "4012345000010"; break;
            case "no lei nor gln": request.Identity.Lei = ""; break;
            case "country": request.Identity.Country = "UK"; break;
            case "no name": request.Identity.LegalName = " "; break;
            case "email": request.Identity.ContactEmail = "not-an-address"; break;
            case "no roles": request.Roles.Clear(); break;
            case "unspecified role": request.Roles[0] = ParticipantRole.Unspecified; break;
            case "no keys": request.Keys.Clear(); break;
            case "bad key": request.Keys.Add("0x1234"); break;
            case "repeated key": request.Keys.Add(key.ToLowerInvariant()); break;
            case "no identity": request.Identity = null; break;
        }

        var error = await Refused(() => Participants.RegisterParticipantAsync(request).ResponseAsync);

        Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{what}: {error.StatusCode} {error.Status.Detail}");
        Assert.StartsWith(field + ":", error.Status.Detail);
    }

    [Fact]
    public async Task Directory_reads_refuse_malformed_ids_keys_and_page_tokens_naming_the_field()
    {
        var id = await Refused(() => Participants.GetParticipantAsync(new GetParticipantRequest { ParticipantId = "lei:ABC" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, id.StatusCode);
        Assert.StartsWith("participant_id:", id.Status.Detail);

        var key = await Refused(() => Participants.GetParticipantAsync(new GetParticipantRequest { Key = "0xnope" }).ResponseAsync);
        Assert.StartsWith("key:", key.Status.Detail);

        var neither = await Refused(() => Participants.GetParticipantAsync(new GetParticipantRequest()).ResponseAsync);
        Assert.StartsWith("participant:", neither.Status.Detail);

        var token = await Refused(() => Participants.ListParticipantsAsync(new ListParticipantsRequest { PageToken = "bm9wZQ==" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, token.StatusCode);
        Assert.StartsWith("page_token:", token.Status.Detail);

        var size = await Refused(() => Participants.ListParticipantsAsync(new ListParticipantsRequest { PageSize = 101 }).ResponseAsync);
        Assert.StartsWith("page_size:", size.Status.Detail);
    }
}
