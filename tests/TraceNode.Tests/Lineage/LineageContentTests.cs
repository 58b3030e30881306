using System.Security.Cryptography;
using System.Text;
using Trace.Crypto;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Tests.Storage;

namespace Trace.Node.Tests.Lineage;

/// <summary>
/// A lineage record's content is stored by the writer after the record passes every check and before its claim commits:
/// no refused record leaves content behind, and no committed record lacks its content, even if the process dies.
/// </summary>
public sealed class LineageContentTests : IAsyncLifetime
{
    private readonly LineageHarness _lineage = new();
    private readonly EthereumAddress _producer = EthereumKey.Generate().Address;

    public Task InitializeAsync() => _lineage.InitializeAsync();

    public Task DisposeAsync() => _lineage.DisposeAsync();

    [Fact]
    public async Task An_accepted_record_is_committed_with_its_content_stored()
    {
        var (record, claim, content) = Batch("urn:trace:content:accepted");

        var result = await _lineage.Intake.AcceptAsync(record, claim, CancellationToken.None, content);

        Assert.True(result.Created);
        Assert.True(_lineage.Blobs.Exists(claim.ContentHash));
    }

    [Fact]
    public async Task A_refused_record_leaves_no_content()
    {
        var (first, firstClaim, firstContent) = Batch("urn:trace:content:twice");
        await _lineage.Intake.AcceptAsync(first, firstClaim, CancellationToken.None, firstContent);
        var (again, claim, content) = Batch("urn:trace:content:twice"); // a batch id is declared once

        await Assert.ThrowsAsync<InvalidFieldException>(() => _lineage.Intake.AcceptAsync(again, claim, CancellationToken.None, content));

        Assert.False(_lineage.Blobs.Exists(claim.ContentHash));
        Assert.Null(await _lineage.Store.GetRecordAsync(claim.RecordId, CancellationToken.None));
    }

    [Fact]
    public async Task A_record_whose_content_cannot_be_stored_is_not_committed()
    {
        // The content directory replaced by a file: every blob write fails, as on a full or broken disk.
        var contentDirectory = Path.Combine(_lineage.Blobs.RootDirectory, "sha256");
        Directory.Delete(contentDirectory, recursive: true);
        await File.WriteAllTextAsync(contentDirectory, "not a directory");
        var (record, claim, content) = Batch("urn:trace:content:broken-disk");

        await Assert.ThrowsAnyAsync<IOException>(() => _lineage.Intake.AcceptAsync(record, claim, CancellationToken.None, content));

        Assert.Null(await _lineage.Store.GetRecordAsync(claim.RecordId, CancellationToken.None));
    }

    private (BatchRecord Record, AcceptedClaim Claim, byte[] Content) Batch(string id)
    {
        var record = Build.Batch(id, new Quantity(10m, MeasureUnit.Tonne));
        var content = Encoding.UTF8.GetBytes($"{{\"batchId\":\"{id}\",\"salt\":\"{Guid.NewGuid():N}\"}}");
        var claim = Claims.Random(_producer, subject: id, kind: RecordKind.Batch) with { ContentHash = SHA256.HashData(content), MediaType = "application/json" };
        return (record, claim, content);
    }
}
