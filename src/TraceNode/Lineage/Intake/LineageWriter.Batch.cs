using Trace.Node.Lineage.Model;
using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Intake;

internal sealed partial class LineageWriter
{
    private async Task<IReadOnlyCollection<string>> ApplyBatchAsync(BatchRecord record, AcceptedClaim claim, CancellationToken ct)
    {
        const string kind = "batch";
        var id = record.BatchId;
        var existing = await FindBatchAsync(id, ct).ConfigureAwait(false);
        LineageRecordEntity? superseded = null;
        if (record.Supersedes is null)
        {
            if (existing is not null)
                throw Refusal.Of("batchId", kind, $"batch {id} is already declared (record {existing.RecordId}); a correction must state \"supersedes\"");
        }
        else
        {
            superseded = await RequireSupersededAsync(record, claim, ct).ConfigureAwait(false);
            if (existing is null || existing.RecordId != superseded.RecordId)
                throw Refusal.Of("supersedes", kind, $"batch {id}: {superseded.RecordId} is not its current batch record");
            if (record.Quantity.Unit.Code != existing.Unit)
                throw Refusal.Of("quantity.unit", kind, $"batch {id}: a correction keeps the unit {existing.Unit}");
            if (record.Quantity.Amount < existing.Consumed)
                throw Refusal.Of("quantity.amount", kind, $"batch {id}: {existing.Consumed} {existing.Unit} are already consumed or shipped, more than {record.Quantity.Amount}");
            if (existing.ProducedBy is { } producer)
            {
                var output = await Outputs.FirstOrDefaultAsync(o => o.BatchId == id, ct).ConfigureAwait(false);
                if (output is not null && MeasureUnit.TryParse(output.Unit, out var unit) && unit.Convert(output.Amount, record.Quantity.Unit) != record.Quantity.Amount)
                    throw Refusal.Of("quantity.amount", kind, $"batch {id}: transformation {producer} produces {output.Amount} {output.Unit}, not {record.Quantity}");
            }
            if (existing.DeclarationRecordId is not null && record.Quantity.Amount != existing.Quantity)
                throw Refusal.Of("quantity.amount", kind, $"batch {id} has a footprint declaration ({existing.DeclarationRecordId}) computed for {existing.Quantity} {existing.Unit}; a correction keeps the quantity");
            if (existing.DeclarationRecordId is not null && !record.Emissions.IsEmpty)
                throw Refusal.Of("emissions", kind, $"batch {id} has a footprint declaration ({existing.DeclarationRecordId}), which is its whole cradle-to-gate footprint: it cannot state own emissions");
        }

        var cited = new List<(string, string)>();
        Cite(cited, "emissions.scope1", record.Emissions.Scope1);
        Cite(cited, "emissions.scope2", record.Emissions.Scope2);
        await RequireCitedAsync(kind, $"batch {id}", cited, ct).ConfigureAwait(false);

        BeginWrites();
        var batch = existing ?? Batches.Add(new LineageBatchEntity
        {
            BatchId = id, RecordId = claim.RecordId, Producer = claim.Issuer, ProductName = record.Product.Name, Unit = record.Quantity.Unit.Code,
        }).Entity;
        batch.RecordId = claim.RecordId;
        (batch.Gtin, batch.Lot) = ProductLot.Of(id, record.Product.Gtin);
        batch.ProductName = record.Product.Name;
        batch.Quantity = record.Quantity.Amount;
        batch.Scope1 = record.Emissions.Scope1?.KgCo2e;
        batch.Scope1Method = MethodName(record.Emissions.Scope1);
        batch.Scope2 = record.Emissions.Scope2?.KgCo2e;
        batch.Scope2Method = MethodName(record.Emissions.Scope2);
        AddRecordRow(record, claim, superseded);
        AddCitations(claim.RecordId, CitationRoles.Scope1, record.Emissions.Scope1?.Evidence ?? [], record.Emissions.Scope1?.IsPrimary ?? false);
        AddCitations(claim.RecordId, CitationRoles.Scope2, record.Emissions.Scope2?.Evidence ?? [], record.Emissions.Scope2?.IsPrimary ?? false);
        SeedsHaveNoDownstream = existing is null;
        return [id];
    }
}
