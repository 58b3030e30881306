using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Client.Access;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Participants;

/// <summary>
/// Onboarding over gRPC against an embedded node: the admin (the node's admin key, Anvil account #1 by default)
/// registers organisations, and the public directory shows what the chain holds: roles, keys with their history,
/// standing with its history, and the identity document.
/// </summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class OnboardingTests(EvidenceNodeFixture node)
{
    private ParticipantService.ParticipantServiceClient Participants => AdminChannel.AsAdmin(node);

    private ParticipantService.ParticipantServiceClient Directory => AdminChannel.Anonymous(node);

    [Fact]
    public async Task The_admin_onboards_a_supplier_carrier_verifier_regulator_and_buyer_and_the_directory_shows_them()
    {
        var parties = new (string Name, IdentityDocument Identity, ParticipantRole Role)[]
        {
            ("Acme Steel", Organisations.WithLei("Acme Steel GmbH"), ParticipantRole.Supplier),
            ("Rhine Freight", Organisations.WithGln("Rhine Freight B.V."), ParticipantRole.Carrier),
            ("Audit Co", Organisations.WithLei("Audit Co SAS", "FR"), ParticipantRole.Verifier),
            ("Agency", Organisations.WithLei("Environment Agency", "SE"), ParticipantRole.Regulator),
            ("Buyer", Organisations.WithGln("Cars Ltd", "GB"), ParticipantRole.Buyer),
        };
        var keys = parties.Select(_ => EthereumKey.Generate()).ToArray();
        foreach (var key in keys) node.Api.Tokens.Keyring.Add(key); // their submissions are signed in as them
        var registered = new List<Participant>();
        var transactions = new List<string>();
        for (var i = 0; i < parties.Length; i++)
        {
            var request = new RegisterParticipantRequest { Identity = parties[i].Identity, Roles = { parties[i].Role }, Keys = { keys[i].Address.ToString() } };
            var response = await Participants.RegisterParticipantAsync(request);

            Assert.StartsWith("0x", response.Transaction.TransactionHash);
            Assert.Equal([parties[i].Role], response.Participant.Roles);
            Assert.Equal(ParticipantStanding.Active, response.Participant.Standing);
            registered.Add(response.Participant);
            transactions.Add(response.Transaction.TransactionHash);
        }

        Assert.Equal("lei:" + parties[0].Identity.Lei, registered[0].ParticipantId);
        Assert.Equal("gln:" + parties[1].Identity.Gln, registered[1].ParticipantId);

        // Each signs in with its own key (EIP-4361) and is named by its participant id and role.
        for (var i = 0; i < parties.Length; i++)
        {
            var signedIn = await Trace.Client.Access.SignInClient.SignInAsync(node.Api.RawChannel.CreateCallInvoker(), keys[i]);
            Assert.Equal(registered[i].ParticipantId, signedIn.ParticipantId);
            Assert.Equal([parties[i].Role], signedIn.Roles);
        }

        // Sent by the embedded default admin key, Anvil account #1, which the embedded deployment made registry admin.
        var embeddedAdmin = EthereumAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        Assert.True(await Trace.Chain.Contracts.Registries.ParticipantRegistryClient.Connect(node.ParticipantRegistry, node.Eth).IsAdminAsync(embeddedAdmin));
        var sent = await node.Eth.GetTransactionReceiptAsync(Hex.Decode(transactions[0]));
        Assert.Equal(embeddedAdmin, sent!.From);
        Assert.Equal("gln:" + parties[1].Identity.Gln, registered[1].ParticipantId);

        // The directory, read page by page, lists each of them as the chain holds it.
        var listed = new List<Participant>();
        var token = "";
        do
        {
            var page = await Directory.ListParticipantsAsync(new ListParticipantsRequest { PageSize = 2, PageToken = token });
            Assert.True(page.Participants.Count <= 2);
            listed.AddRange(page.Participants);
            token = page.NextPageToken;
        } while (token.Length > 0);
        for (var i = 0; i < parties.Length; i++)
        {
            var entry = Assert.Single(listed, p => p.ParticipantId == registered[i].ParticipantId);
            Assert.Equal([parties[i].Role], entry.Roles);
            var key = Assert.Single(entry.Keys);
            Assert.Equal(keys[i].Address.ToString(), key.Address);
            Assert.True(key.Active);
            Assert.Null(key.RetiredAt);
            Assert.Equal(IdentityDocumentState.Verified, entry.IdentityState);
            Assert.Equal(parties[i].Identity, entry.Identity);
            Assert.StartsWith("trace:blob:0x", entry.MetadataUri);
            Assert.Equal(entry.MetadataUri["trace:blob:".Length..], entry.MetadataHash);
        }

        // Only regulators, when asked for regulators.
        var regulators = await Directory.ListParticipantsAsync(new ListParticipantsRequest { Role = ParticipantRole.Regulator, PageSize = 100 });
        Assert.Contains(regulators.Participants, p => p.ParticipantId == registered[3].ParticipantId);
        Assert.All(regulators.Participants, p => Assert.Contains(ParticipantRole.Regulator, p.Roles));

        // Found by key as well as by id, in either id form.
        var byKey = await Directory.GetParticipantAsync(new GetParticipantRequest { Key = keys[2].Address.ToString().ToLowerInvariant() });
        Assert.Equal(registered[2].ParticipantId, byKey.Participant.ParticipantId);
        var byIdUpper = await Directory.GetParticipantAsync(new GetParticipantRequest { ParticipantId = "LEI:" + parties[2].Identity.Lei.ToLowerInvariant() });
        Assert.Equal(registered[2].ParticipantId, byIdUpper.Participant.ParticipantId);

        // Each signs in with its own key: the token names its participant (directory form) and its on-chain role.
        for (var i = 0; i < parties.Length; i++)
        {
            var signedIn = await SignInClient.SignInAsync(node.Api.RawChannel.CreateCallInvoker(), keys[i]);
            Assert.Equal(registered[i].ParticipantId, signedIn.ParticipantId);
            Assert.Equal(keys[i].Address.ToString(), signedIn.Key);
            Assert.Equal([parties[i].Role], signedIn.Roles);
            Assert.False(signedIn.Admin);
        }

        // Onboarded through Trace, the supplier's key may issue evidence straight away (signed in as itself).
        node.Api.Tokens.Keyring.Add(keys[0]);
        var supplier = new ClaimSigner(keys[0], node.Node.ChainId, node.EvidenceRegistry);
        var batch = "urn:trace:onboarded:" + Guid.NewGuid().ToString("N");
        var record = await node.Evidence.SubmitRecordAsync(supplier.StructuredRecord(batch, RecordKind.Batch, LineageBodies.Batch(batch)));
        Assert.Equal(supplier.Address.ToString(), record.Record.SignedClaim.Claim.Issuer);
    }

    // The registry keeps one status checkpoint per block timestamp (second): changes within one second collapse into
    // one period, so a test that wants to see each period waits for the next second.
    private static Task NextSecondAsync() => Task.Delay(1100);

    [Fact]
    public async Task A_retired_key_shows_retired_with_its_reason_and_can_no_longer_issue_evidence()
    {
        var first = EthereumKey.Generate();
        var second = EthereumKey.Generate();
        node.Api.Tokens.Keyring.Add(first);
        node.Api.Tokens.Keyring.Add(second);
        var registered = await Participants.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Identity = Organisations.WithLei("Rotating Keys AG"), Roles = { ParticipantRole.Supplier }, Keys = { first.Address.ToString() },
        });
        var id = registered.Participant.ParticipantId;

        var added = await Participants.AddParticipantKeyAsync(new AddParticipantKeyRequest { ParticipantId = id, Key = second.Address.ToString() });
        Assert.Equal([first.Address.ToString(), second.Address.ToString()], added.Participant.Keys.Select(k => k.Address));

        var retired = await Participants.RetireParticipantKeyAsync(new RetireParticipantKeyRequest
        {
            Key = first.Address.ToString(), Reason = KeyRetirementReason.Compromised,
        });

        var old = retired.Participant.Keys.Single(k => k.Address == first.Address.ToString());
        Assert.False(old.Active);
        Assert.NotNull(old.RetiredAt);
        Assert.Equal(KeyRetirementReason.Compromised, old.RetirementReason);
        Assert.True(old.RetiredAt.ToDateTimeOffset() >= old.AddedAt.ToDateTimeOffset());
        Assert.True(retired.Participant.Keys.Single(k => k.Address == second.Address.ToString()).Active);
        var read = await Directory.GetParticipantAsync(new GetParticipantRequest { Key = first.Address.ToString() });
        Assert.Equal(KeyRetirementReason.Compromised, read.Participant.Keys.Single(k => k.Address == first.Address.ToString()).RetirementReason);

        // The retired key can no longer sign in (the node follows the registry's events: effective within seconds).
        var deadline = DateTime.UtcNow.AddSeconds(15);
        RpcException? refused = null;
        while (refused is null && DateTime.UtcNow < deadline)
        {
            try
            {
                await SignInClient.SignInAsync(node.Api.RawChannel.CreateCallInvoker(), first);
                await Task.Delay(250);
            }
            catch (RpcException ex) { refused = ex; }
        }
        Assert.NotNull(refused);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("retired", refused.Status.Detail);
        await SignInClient.SignInAsync(node.Api.RawChannel.CreateCallInvoker(), second);

        // Nor submit: a claim it signs is refused (its token is refused first: Unauthenticated, naming the retirement).
        node.Api.Tokens.Keyring.Add(first);
        var signer = new ClaimSigner(first, node.Node.ChainId, node.EvidenceRegistry);
        var batch = "urn:trace:retired:" + Guid.NewGuid().ToString("N");
        var error = await Assert.ThrowsAsync<RpcException>(() => node.Evidence.SubmitRecordAsync(signer.StructuredRecord(batch, RecordKind.Batch, LineageBodies.Batch(batch))).ResponseAsync);
        Assert.True(error.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied, $"{error.StatusCode} {error.Status.Detail}");
        Assert.Contains("retired", error.Status.Detail);
    }

    [Fact]
    public async Task Suspension_and_reactivation_show_in_the_standing_and_its_history_with_the_reason()
    {
        var registered = await Participants.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Identity = Organisations.WithGln("Late Payer Logistics"), Roles = { ParticipantRole.Carrier }, Keys = { EthereumKey.Generate().Address.ToString() },
        });
        var id = registered.Participant.ParticipantId;
        await NextSecondAsync();

        var suspended = await Participants.SuspendParticipantAsync(new SuspendParticipantRequest { ParticipantId = id, Reason = SuspensionReason.Compliance });
        Assert.Equal(ParticipantStanding.Suspended, suspended.Participant.Standing);
        var suspension = suspended.Participant.StatusHistory.Last();
        Assert.Equal(ParticipantStanding.Suspended, suspension.Standing);
        Assert.Equal(SuspensionReason.Compliance, suspension.SuspensionReason);
        Assert.Equal(2u, suspension.SuspensionReasonCode);
        await NextSecondAsync();

        var reactivated = await Participants.ReactivateParticipantAsync(new ReactivateParticipantRequest { ParticipantId = id });
        Assert.Equal(ParticipantStanding.Active, reactivated.Participant.Standing);
        var history = reactivated.Participant.StatusHistory;
        Assert.Equal([ParticipantStanding.Active, ParticipantStanding.Suspended, ParticipantStanding.Active], history.Select(h => h.Standing));
        Assert.Equal(SuspensionReason.Compliance, history[1].SuspensionReason);
        Assert.All(history, h => Assert.Equal([ParticipantRole.Carrier], h.Roles));
    }

    [Fact]
    public async Task Roles_granted_and_revoked_show_in_the_directory()
    {
        var registered = await Participants.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Identity = Organisations.WithLei("Growing Co"), Roles = { ParticipantRole.Supplier }, Keys = { EthereumKey.Generate().Address.ToString() },
        });
        var id = registered.Participant.ParticipantId;
        await NextSecondAsync();

        var granted = await Participants.GrantParticipantRolesAsync(new GrantParticipantRolesRequest { ParticipantId = id, Roles = { ParticipantRole.Carrier, ParticipantRole.Buyer } });
        Assert.Equal([ParticipantRole.Supplier, ParticipantRole.Carrier, ParticipantRole.Buyer], granted.Participant.Roles);

        var revoked = await Participants.RevokeParticipantRolesAsync(new RevokeParticipantRolesRequest { ParticipantId = id, Roles = { ParticipantRole.Supplier } });
        Assert.Equal([ParticipantRole.Carrier, ParticipantRole.Buyer], revoked.Participant.Roles);
        Assert.Equal([ParticipantRole.Supplier], revoked.Participant.StatusHistory.First().Roles);
    }

    [Fact]
    public async Task An_updated_identity_document_replaces_the_registered_hash_and_keeps_the_id()
    {
        var identity = Organisations.WithLei("Old Name GmbH");
        var registered = await Participants.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Identity = identity, Roles = { ParticipantRole.Supplier }, Keys = { EthereumKey.Generate().Address.ToString() },
        });
        var renamed = identity.Clone();
        renamed.LegalName = "New Name GmbH";

        var updated = await Participants.UpdateParticipantIdentityAsync(new UpdateParticipantIdentityRequest { ParticipantId = registered.Participant.ParticipantId, Identity = renamed });

        Assert.Equal(registered.Participant.ParticipantId, updated.Participant.ParticipantId);
        Assert.Equal("New Name GmbH", updated.Participant.Identity.LegalName);
        Assert.NotEqual(registered.Participant.MetadataHash, updated.Participant.MetadataHash);
        var other = identity.Clone();
        other.Lei = Organisations.NewLei();
        var error = await Assert.ThrowsAsync<RpcException>(() => Participants.UpdateParticipantIdentityAsync(
            new UpdateParticipantIdentityRequest { ParticipantId = registered.Participant.ParticipantId, Identity = other }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("identity.lei", error.Status.Detail);
    }

    [Fact]
    public async Task A_caller_who_is_not_the_registry_admin_cannot_onboard_while_anyone_reads_the_directory()
    {
        var request = new RegisterParticipantRequest
        {
            Identity = Organisations.WithLei("Self Registered Ltd"), Roles = { ParticipantRole.Supplier }, Keys = { EthereumKey.Generate().Address.ToString() },
        };

        // A signed-in participant holding every participant role, but no registry admin.
        using var participantKey = EthereumKey.Generate();
        await Participants.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Identity = Organisations.WithLei("Every Role Ltd"),
            Roles = { ParticipantRole.Supplier, ParticipantRole.Carrier, ParticipantRole.Verifier, ParticipantRole.Regulator, ParticipantRole.Buyer },
            Keys = { participantKey.Address.ToString() },
        });
        var token = await SignInClient.SignInAsync(node.Api.RawChannel.CreateCallInvoker(), participantKey);
        var asParticipant = await Assert.ThrowsAsync<RpcException>(() => Directory.RegisterParticipantAsync(request,
            new Metadata { { "authorization", "Bearer " + token.AccessToken } }).ResponseAsync);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => Directory.RegisterParticipantAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, asParticipant.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        var notFound = await Assert.ThrowsAsync<RpcException>(() => Directory.GetParticipantAsync(new GetParticipantRequest { ParticipantId = "lei:" + request.Identity.Lei }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        var signedIn = await SignInClient.SignInAsync(node.Api.RawChannel.CreateCallInvoker(), EthereumKey.FromHex(AdminChannel.EmbeddedAdminKey));
        Assert.True(signedIn.Admin);
    }

    [Fact]
    public async Task Participants_registered_outside_Trace_show_with_a_hex_id_and_an_external_document()
    {
        var key = EthereumKey.Generate();
        await node.RegisterAsync(key.Address, Trace.Chain.Contracts.Registries.ParticipantRoles.Verifier);

        var found = await Directory.GetParticipantAsync(new GetParticipantRequest { Key = key.Address.ToString() });

        Assert.Equal(Hex.Encode(EvidenceNodeFixture.ParticipantId(key.Address)), found.Participant.ParticipantId);
        Assert.Equal(IdentityDocumentState.External, found.Participant.IdentityState);
        Assert.Null(found.Participant.Identity);
        Assert.Equal([ParticipantRole.Verifier], found.Participant.Roles);
        var byId = await Directory.GetParticipantAsync(new GetParticipantRequest { ParticipantId = found.Participant.ParticipantId.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal) });
        Assert.Equal(found.Participant.ParticipantId, byId.Participant.ParticipantId);
    }
}
