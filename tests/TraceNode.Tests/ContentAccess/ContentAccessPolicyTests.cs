using System.Security.Cryptography;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Domain;
using Trace.Node.Access;
using Trace.Node.ContentAccess;
using Trace.Node.ContentAccess.Storage;
using Trace.Node.Tests.Lineage;
using static Trace.Node.Tests.Lineage.Build;

namespace Trace.Node.Tests.ContentAccess;

/// <summary>
/// Who reads content bytes, on a real migrated SQLite index with real lineage rows: the issuer's participant, its
/// grantees (per record, per batch, until revoked) and regulators; nobody else.
/// </summary>
public sealed class ContentAccessPolicyTests : IAsyncLifetime
{
    private readonly LineageHarness _lineage = new();
    private readonly Participants _participants = new();
    private ContentGrantStore _store = null!;
    private ContentAccessPolicy _policy = null!;
    private ContentGrants _grants = null!;

    // A supplier with two keys, a carrier, a buyer, a regulator, and a buyer that is not registered.
    private readonly EthereumAddress _supplierKey = EthereumKey.Generate().Address;
    private readonly EthereumAddress _supplierSecondKey = EthereumKey.Generate().Address;
    private readonly EthereumAddress _carrierKey = EthereumKey.Generate().Address;
    private readonly EthereumAddress _buyerKey = EthereumKey.Generate().Address;
    private readonly EthereumAddress _regulatorKey = EthereumKey.Generate().Address;
    private const string Supplier = "lei:5493001KJTIIGC8Y1R12";
    private const string Carrier = "gln:4012345000009";
    private const string Buyer = "gln:5412345000013";
    private const string Regulator = "lei:529900T8BM49AURSDO55";

    public async Task InitializeAsync()
    {
        await _lineage.InitializeAsync();
        _participants.Add(_supplierKey, Supplier);
        _participants.Add(_supplierSecondKey, Supplier);
        _participants.Add(_carrierKey, Carrier);
        _participants.Add(_buyerKey, Buyer);
        _participants.Add(_regulatorKey, Regulator);
        _store = new ContentGrantStore(_lineage.Contexts, _lineage.Clock);
        _policy = new ContentAccessPolicy(_store, _participants);
        _grants = new ContentGrants(_store, _lineage.Store, _policy, _participants);
    }

    public Task DisposeAsync() => _lineage.DisposeAsync();

    private Caller SupplierCaller => new(Supplier, _supplierKey, ParticipantRoles.Supplier, false);
    private Caller BuyerCaller => new(Buyer, _buyerKey, ParticipantRoles.Buyer, false);
    private Caller CarrierCaller => new(Carrier, _carrierKey, ParticipantRoles.Carrier, false);

    private async Task<EvidenceRecord> RecordAsync(string id) => (await _lineage.Store.GetRecordAsync(id, CancellationToken.None))!;

    private async Task<bool> CanReadAsync(Caller caller, string recordId) => (await _policy.DecideAsync(caller, await RecordAsync(recordId), CancellationToken.None)).Allowed;

    [Fact]
    public async Task The_issuer_any_of_its_keys_and_regulators_read_others_do_not()
    {
        var evidence = await _lineage.EvidenceAsync(_supplierKey);

        Assert.True(await CanReadAsync(SupplierCaller, evidence));
        Assert.True(await CanReadAsync(new Caller(Supplier, _supplierSecondKey, ParticipantRoles.Supplier, false), evidence));
        Assert.True(await CanReadAsync(new Caller(Regulator, _regulatorKey, ParticipantRoles.Regulator, false), evidence));
        Assert.False(await CanReadAsync(Caller.Anonymous, evidence));
        Assert.False(await CanReadAsync(CarrierCaller, evidence));
        var denied = await _policy.DecideAsync(BuyerCaller, await RecordAsync(evidence), CancellationToken.None);
        Assert.False(denied.Allowed);
        Assert.Contains(Supplier, denied.Reason);
        Assert.False(await CanReadAsync(new Caller(null, EthereumKey.Generate().Address, ParticipantRoles.None, true), evidence)); // admin is no reader
    }

    [Fact]
    public async Task A_record_grant_lets_the_grantee_read_that_record_only_until_revoked()
    {
        var granted = await _lineage.EvidenceAsync(_supplierKey);
        var other = await _lineage.EvidenceAsync(_supplierKey);

        var (grant, created) = await _grants.GrantAsync(SupplierCaller, Buyer, ContentGrantScope.Record, granted, CancellationToken.None);

        Assert.True(created);
        Assert.Equal((Supplier, Buyer, _supplierKey.ToString()), (grant.Issuer, grant.Grantee, grant.GrantedBy));
        Assert.True(await CanReadAsync(BuyerCaller, granted));
        Assert.False(await CanReadAsync(BuyerCaller, other));
        Assert.False(await CanReadAsync(CarrierCaller, granted));
        Assert.False((await _grants.GrantAsync(SupplierCaller, Buyer, ContentGrantScope.Record, granted, CancellationToken.None)).Created);

        var revoked = await _grants.RevokeAsync(new Caller(Supplier, _supplierSecondKey, ParticipantRoles.Supplier, false), grant.Id, CancellationToken.None);

        Assert.False(revoked.Active);
        Assert.Equal(_supplierSecondKey.ToString(), revoked.RevokedBy);
        Assert.False(await CanReadAsync(BuyerCaller, granted));
        Assert.Single(await _grants.ListAsync(BuyerCaller, includeRevoked: true, null, 10, CancellationToken.None));
        Assert.Empty(await _grants.ListAsync(BuyerCaller, includeRevoked: false, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_grant_covers_the_granters_records_about_the_batch_and_the_evidence_they_cite_not_others()
    {
        var evidence = await _lineage.EvidenceAsync(_supplierKey);
        var unrelated = await _lineage.EvidenceAsync(_supplierKey);
        var batch = await _lineage.SubmitAsync(Batch("urn:trace:batch:coil-1", Tonnes(10), scope1: Measured(1000, evidence)), _supplierKey);
        var otherBatch = await _lineage.SubmitAsync(Batch("urn:trace:batch:coil-2", Tonnes(5)), _supplierKey);
        var shipment = await _lineage.SubmitAsync(Shipment("urn:trace:shipment:s-1", "urn:trace:batch:coil-1", Tonnes(10),
            _supplierKey.ToString(), _buyerKey.ToString(), carrier: new Trace.Domain.Lineage.Carrier(_carrierKey.ToString(), "carrier")), _carrierKey);

        await _grants.GrantAsync(SupplierCaller, Buyer, ContentGrantScope.Batch, "urn:trace:batch:coil-1", CancellationToken.None);

        Assert.True(await CanReadAsync(BuyerCaller, batch));
        Assert.True(await CanReadAsync(BuyerCaller, evidence));
        Assert.False(await CanReadAsync(BuyerCaller, unrelated));
        Assert.False(await CanReadAsync(BuyerCaller, otherBatch));
        Assert.False(await CanReadAsync(BuyerCaller, shipment)); // the carrier's record: only the carrier grants it
        await _grants.GrantAsync(CarrierCaller, Buyer, ContentGrantScope.Batch, "urn:trace:batch:coil-1", CancellationToken.None);
        Assert.True(await CanReadAsync(BuyerCaller, shipment));
    }

    [Fact]
    public async Task Only_the_issuer_grants_and_only_the_granter_revokes()
    {
        var evidence = await _lineage.EvidenceAsync(_supplierKey);

        var notIssuer = await Assert.ThrowsAsync<ContentAccessDeniedException>(() => _grants.GrantAsync(CarrierCaller, Buyer, ContentGrantScope.Record, evidence, CancellationToken.None));
        Assert.Contains(Supplier, notIssuer.Message);
        await Assert.ThrowsAsync<ContentAccessDeniedException>(() => _grants.GrantAsync(Caller.Anonymous, Buyer, ContentGrantScope.Record, evidence, CancellationToken.None));
        var (grant, _) = await _grants.GrantAsync(SupplierCaller, Buyer, ContentGrantScope.Record, evidence, CancellationToken.None);
        await Assert.ThrowsAsync<ContentAccessDeniedException>(() => _grants.RevokeAsync(BuyerCaller, grant.Id, CancellationToken.None));
        await Assert.ThrowsAsync<ContentGrantNotFoundException>(() => _grants.RevokeAsync(SupplierCaller, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), CancellationToken.None));
        Assert.True(await CanReadAsync(BuyerCaller, evidence));
    }

    [Theory]
    [InlineData("gln:9999999999994", "record", "grantee_participant_id")] // not registered
    [InlineData("someone", "record", "grantee_participant_id")]
    [InlineData(Supplier, "record", "grantee_participant_id")] // itself
    [InlineData(Buyer, "batch", "batch_id")] // unknown batch
    public async Task Bad_grants_are_refused_naming_the_field_and_store_nothing(string grantee, string scope, string field)
    {
        var evidence = await _lineage.EvidenceAsync(_supplierKey);
        var target = scope == "record" ? evidence : "urn:trace:batch:never-declared";

        var error = await Assert.ThrowsAsync<InvalidFieldException>(() =>
            _grants.GrantAsync(SupplierCaller, grantee, scope == "record" ? ContentGrantScope.Record : ContentGrantScope.Batch, target, CancellationToken.None));

        Assert.Equal(field, error.Field);
        Assert.Empty(await _grants.ListAsync(SupplierCaller, includeRevoked: true, null, 10, CancellationToken.None));
    }

    /// <summary>The registry's key owners, as <see cref="RegistryParticipantKeys"/> answers them on chain (the gRPC tests use the real registry).</summary>
    private sealed class Participants : IParticipantKeys
    {
        private readonly Dictionary<EthereumAddress, string> _owners = [];

        public void Add(EthereumAddress key, string participant) => _owners[key] = participant;

        public Task<string?> ParticipantOfAsync(EthereumAddress key, CancellationToken ct) => Task.FromResult(_owners.GetValueOrDefault(key));

        public Task<bool> IsRegisteredAsync(string participantId, CancellationToken ct) => Task.FromResult(_owners.ContainsValue(participantId));
    }
}
