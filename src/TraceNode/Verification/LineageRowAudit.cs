using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Blobs;
using Trace.Node.Lineage.Records;
using Trace.Node.Lineage.Storage.Entities;
using Trace.Node.Rebuild;
using Trace.Node.Storage;

namespace Trace.Node.Verification;

/// <summary>
/// The lineage part of the index audit: every lineage batch, shipment and transformation row against the content of
/// the record it was written from (quantities, units, batches, producer), read from the blob store and parsed with the
/// intake's own reader. One finding per lineage record whose rows differ.
/// </summary>
public sealed class LineageRowAudit(TraceStore store, IBlobStore blobs, LineageRecordReader reader)
{
    /// <summary>Audits the lineage rows; records in <paramref name="skip"/> (content already reported) are not read.</summary>
    public async IAsyncEnumerable<AuditFinding> AuditAsync(JournalSnapshot journal, IReadOnlySet<string> skip, AuditSummary summary, [EnumeratorCancellation] CancellationToken ct)
    {
        List<LineageBatchEntity> batches;
        List<LineageShipmentEntity> shipments;
        List<LineageTransformationEntity> transformations;
        ILookup<string, LineageInputEntity> inputs;
        ILookup<string, LineageOutputEntity> outputs;
        await using (var db = store.OpenContext())
        {
            batches = await db.Set<LineageBatchEntity>().AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            shipments = await db.Set<LineageShipmentEntity>().AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            transformations = await db.Set<LineageTransformationEntity>().AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            inputs = (await db.Set<LineageInputEntity>().AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).ToLookup(i => i.TransformationId);
            outputs = (await db.Set<LineageOutputEntity>().AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).ToLookup(o => o.TransformationId);
        }
        summary.LineageRows += batches.Count + shipments.Count + transformations.Count;

        foreach (var row in batches)
        {
            if (Read(row.RecordId, journal, skip, out var claim, out var finding) is not BatchRecord record)
            {
                if (finding is not null) yield return finding;
                continue;
            }
            var failed = new List<string>();
            Compare(failed, "batch_id", row.BatchId, record.BatchId);
            Compare(failed, "product_name", row.ProductName, record.Product.Name);
            Compare(failed, "quantity", row.Quantity, record.Quantity.Amount);
            Compare(failed, "unit", row.Unit, record.Quantity.Unit.Code);
            Compare(failed, "producer", row.Producer, claim!.Issuer);
            Compare(failed, "scope1", row.Scope1, record.Emissions.Scope1?.KgCo2e);
            Compare(failed, "scope2", row.Scope2, record.Emissions.Scope2?.KgCo2e);
            if (failed.Count > 0) yield return Altered(row.RecordId, $"lineage batch {row.BatchId}", failed);
        }
        foreach (var row in shipments)
        {
            if (Read(row.RecordId, journal, skip, out var claim, out var finding) is not ShipmentRecord record)
            {
                if (finding is not null) yield return finding;
                continue;
            }
            var failed = new List<string>();
            Compare(failed, "shipment_id", row.ShipmentId, record.ShipmentId);
            Compare(failed, "batch_id", row.BatchId, record.BatchId);
            Compare(failed, "amount", row.RecordedAmount, record.Quantity.Amount);
            Compare(failed, "unit", row.RecordedUnit, record.Quantity.Unit.Code);
            Compare(failed, "issuer", row.Issuer, claim!.Issuer);
            if (failed.Count > 0) yield return Altered(row.RecordId, $"lineage shipment {row.ShipmentId}", failed);
        }
        foreach (var row in transformations)
        {
            if (Read(row.RecordId, journal, skip, out var claim, out var finding) is not TransformationRecord record)
            {
                if (finding is not null) yield return finding;
                continue;
            }
            var failed = new List<string>();
            Compare(failed, "issuer", row.Issuer, claim!.Issuer);
            var rowInputs = inputs[row.TransformationId].OrderBy(i => i.Position).ToList();
            Compare(failed, "inputs", rowInputs.Count, record.Inputs.Count);
            for (var i = 0; i < Math.Min(rowInputs.Count, record.Inputs.Count); i++)
            {
                Compare(failed, $"inputs[{i}].batch_id", rowInputs[i].BatchId, record.Inputs[i].BatchId);
                Compare(failed, $"inputs[{i}].amount", rowInputs[i].Amount, record.Inputs[i].Quantity.Amount);
                Compare(failed, $"inputs[{i}].unit", rowInputs[i].Unit, record.Inputs[i].Quantity.Unit.Code);
                Compare(failed, $"inputs[{i}].shipment_id", rowInputs[i].ShipmentId, record.Inputs[i].ShipmentId);
            }
            var rowOutputs = outputs[row.TransformationId].OrderBy(o => o.Position).ToList();
            Compare(failed, "outputs", rowOutputs.Count, record.Outputs.Count);
            for (var i = 0; i < Math.Min(rowOutputs.Count, record.Outputs.Count); i++)
            {
                Compare(failed, $"outputs[{i}].batch_id", rowOutputs[i].BatchId, record.Outputs[i].BatchId);
                Compare(failed, $"outputs[{i}].amount", rowOutputs[i].Amount, record.Outputs[i].Quantity.Amount);
                Compare(failed, $"outputs[{i}].unit", rowOutputs[i].Unit, record.Outputs[i].Quantity.Unit.Code);
            }
            if (failed.Count > 0) yield return Altered(row.RecordId, $"lineage transformation {row.TransformationId}", failed);
        }
    }

    // The record a lineage row was written from, parsed from its content; null (and a finding when the row names no
    // journalled record) when it cannot be read.
    private LineageRecord? Read(string recordId, JournalSnapshot journal, IReadOnlySet<string> skip, out AcceptedClaim? claim, out AuditFinding? finding)
    {
        finding = null;
        claim = null;
        if (skip.Contains(recordId)) return null;
        if (!journal.ById.TryGetValue(recordId, out var envelope))
        {
            finding = Altered(recordId, "a lineage row", ["record_id: names a record with no signed envelope in the blob store"]);
            return null;
        }
        claim = envelope.Claim;
        try
        {
            using var stream = blobs.OpenRead(claim.ContentHash);
            using var document = JsonDocument.Parse(stream);
            return reader.Read(claim.Kind, document.RootElement, claim.Subject);
        }
        catch (Exception e) when (e is BlobNotFoundException or BlobCorruptException or JsonException or InvalidFieldException)
        {
            return null; // the record's own audit reports its content
        }
    }

    private static AuditFinding Altered(string recordId, string what, List<string> failed) =>
        new(recordId, null, VerificationStatus.Tampered, AuditFindingKind.LineageAltered, $"{what} differs from its record's content", failed);

    private static void Compare<T>(List<string> failed, string name, T row, T record)
    {
        if (!EqualityComparer<T>.Default.Equals(row, record)) failed.Add($"{name}: index '{row}' vs record '{record}'");
    }
}
