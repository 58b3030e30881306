using Trace.Node.Lineage.Model;
using Microsoft.EntityFrameworkCore;
using Trace.Domain;
using Trace.Domain.Lineage;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Intake;

internal sealed partial class LineageWriter
{
    private async Task<IReadOnlyCollection<string>> ApplyTransformationAsync(TransformationRecord record, AcceptedClaim claim, CancellationToken ct)
    {
        const string kind = "transformation";
        var id = record.TransformationId;
        var affected = new HashSet<string>(StringComparer.Ordinal);
        var existing = await FindTransformationAsync(id, ct).ConfigureAwait(false);
        LineageRecordEntity? superseded = null;
        if (record.Supersedes is null)
        {
            if (existing is not null)
                throw Refusal.Of("transformationId", kind, $"transformation {id} is already recorded (record {existing.RecordId}); a correction must state \"supersedes\"");
        }
        else
        {
            superseded = await RequireSupersededAsync(record, claim, ct).ConfigureAwait(false);
            if (existing is null || existing.RecordId != superseded.RecordId)
                throw Refusal.Of("supersedes", kind, $"transformation {id}: {superseded.RecordId} is not its current record");
            // Release what the corrected record consumed and produced; the correction is then checked like a new record.
            foreach (var batchId in await ReleaseTransformationAsync(id, ct).ConfigureAwait(false)) affected.Add(batchId);
        }
        if (record.Inputs.Count == 0) throw Refusal.Of("inputs", kind, $"transformation {id}: needs at least one input");
        if (record.Outputs.Count == 0) throw Refusal.Of("outputs", kind, $"transformation {id}: needs at least one output");

        var outputs = new List<(TransformationOutput Output, LineageBatchEntity Batch)>();
        for (var i = 0; i < record.Outputs.Count; i++)
        {
            var output = record.Outputs[i];
            var path = $"outputs[{i}]";
            var batch = await FindBatchAsync(output.BatchId, ct).ConfigureAwait(false)
                ?? throw Refusal.Of($"{path}.batchId", kind, $"transformation {id}: output batch {output.BatchId} is not declared (submit its batch record first)");
            if (!await SamePartyAsync(batch.Producer, claim.Issuer, ct).ConfigureAwait(false))
                throw Refusal.Of($"{path}.batchId", kind, $"transformation {id}: output batch {output.BatchId} was declared by {batch.Producer}, not by the issuer {claim.Issuer}");
            if (batch.ProducedBy is { } other)
                throw Refusal.Of($"{path}.batchId", kind, $"transformation {id}: batch {output.BatchId} is already the output of transformation {other}");
            if (batch.DeclarationRecordId is not null)
                throw Refusal.Of($"{path}.batchId", kind, $"transformation {id}: batch {output.BatchId} has a footprint declaration ({batch.DeclarationRecordId}); a declared batch is not computed");
            if (outputs.Any(o => o.Batch.BatchId == batch.BatchId))
                throw Refusal.Of($"{path}.batchId", kind, $"transformation {id}: batch {output.BatchId} is listed twice among the outputs");
            var unit = UnitOf(batch);
            if (!output.Quantity.Unit.ConvertsTo(unit))
                throw Refusal.Of($"{path}.quantity.unit", kind, $"transformation {id}: {output.Quantity.Unit.Code} does not convert to batch {output.BatchId}'s unit {unit.Code}");
            if (output.Quantity.In(unit) != batch.Quantity)
                throw Refusal.Of($"{path}.quantity", kind, $"transformation {id}: produces {output.Quantity} of batch {output.BatchId}, but the batch is {batch.Quantity} {unit.Code}");
            if (record.Allocation == AllocationRule.Mass && !output.Quantity.Unit.IsMass)
                throw Refusal.Of($"{path}.quantity.unit", kind, $"transformation {id}: mass allocation needs every output in a mass unit ({output.BatchId} is in {output.Quantity.Unit.Code}); state \"allocation\": \"economic\" with economicValuePerUnit");
            if (record.Allocation == AllocationRule.Economic && output.EconomicValuePerUnit is not > 0m)
                throw Refusal.Of($"{path}.economicValuePerUnit", kind, $"transformation {id}: economic allocation needs a value per unit above 0 for output {output.BatchId}");
            outputs.Add((output, batch));
        }

        var consumedFromBatch = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var consumedFromShipment = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var inputs = new List<LineageInputEntity>();
        for (var i = 0; i < record.Inputs.Count; i++)
        {
            var input = record.Inputs[i];
            var path = $"inputs[{i}]";
            var batch = await FindBatchAsync(input.BatchId, ct).ConfigureAwait(false)
                ?? throw Refusal.Of($"{path}.batchId", kind, $"transformation {id}: input batch {input.BatchId} is not declared");
            if (outputs.Any(o => o.Batch.BatchId == batch.BatchId))
                throw Refusal.Of($"{path}.batchId", kind, $"transformation {id}: batch {input.BatchId} cannot be an input of its own production (cycle)");
            var unit = UnitOf(batch);
            if (!input.Quantity.Unit.ConvertsTo(unit))
                throw Refusal.Of($"{path}.quantity.unit", kind, $"transformation {id}: {input.Quantity.Unit.Code} does not convert to batch {input.BatchId}'s unit {unit.Code}");
            var consumed = input.Quantity.In(unit);
            if (input.ShipmentId is { } shipmentId)
            {
                var shipment = await FindShipmentAsync(shipmentId, ct).ConfigureAwait(false)
                    ?? throw Refusal.Of($"{path}.shipmentId", kind, $"transformation {id}: shipment {shipmentId} is not known");
                if (shipment.BatchId != batch.BatchId)
                    throw Refusal.Of($"{path}.shipmentId", kind, $"transformation {id}: shipment {shipmentId} carries batch {shipment.BatchId}, not {input.BatchId}");
                if (!await SamePartyAsync(shipment.ToParticipant, claim.Issuer, ct).ConfigureAwait(false))
                    throw Refusal.Of($"{path}.shipmentId", kind, $"transformation {id}: shipment {shipmentId} of batch {input.BatchId} was delivered to {shipment.ToParticipant}, not to the issuer {claim.Issuer}");
                var drawn = consumedFromShipment.GetValueOrDefault(shipmentId) + consumed;
                if (shipment.Consumed + drawn > shipment.Quantity)
                    throw Refusal.Of($"{path}.quantity", kind, $"transformation {id}: mass balance of shipment {shipmentId} (batch {input.BatchId}): consuming {input.Quantity} exceeds what is left of the {shipment.Quantity} {unit.Code} it carried ({shipment.Quantity - shipment.Consumed - (drawn - consumed)} {unit.Code})");
                consumedFromShipment[shipmentId] = drawn;
            }
            else
            {
                if (!await SamePartyAsync(batch.Producer, claim.Issuer, ct).ConfigureAwait(false))
                    throw Refusal.Of($"{path}.batchId", kind, $"transformation {id}: the issuer {claim.Issuer} neither produced batch {input.BatchId} (producer {batch.Producer}) nor names a shipment that delivered it (shipmentId)");
                var drawn = consumedFromBatch.GetValueOrDefault(batch.BatchId) + consumed;
                if (batch.Consumed + drawn > batch.Quantity)
                    throw Refusal.Of($"{path}.quantity", kind, $"transformation {id}: mass balance of batch {input.BatchId}: consuming {input.Quantity} exceeds what is left of its {batch.Quantity} {unit.Code} ({batch.Quantity - batch.Consumed - (drawn - consumed)} {unit.Code} not yet consumed or shipped)");
                consumedFromBatch[batch.BatchId] = drawn;
            }
            inputs.Add(new LineageInputEntity
            {
                TransformationId = id, Position = i, BatchId = input.BatchId, Amount = input.Quantity.Amount, Unit = input.Quantity.Unit.Code,
                Converted = consumed, ShipmentId = input.ShipmentId,
            });
        }
        var outputsUnconsumed = await RequireNoCycleAsync(id, outputs.ConvertAll(o => o.Batch.BatchId), inputs.Select(i => i.BatchId).ToHashSet(StringComparer.Ordinal), ct).ConfigureAwait(false);
        // A correction also recomputes what the corrected record produced, which may have a downstream.
        SeedsHaveNoDownstream = outputsUnconsumed && superseded is null;

        var cited = new List<(string, string)>();
        Cite(cited, "emissions.scope1", record.Emissions.Scope1);
        Cite(cited, "emissions.scope2", record.Emissions.Scope2);
        await RequireCitedAsync(kind, $"transformation {id}", cited, ct).ConfigureAwait(false);

        // Write: consumption, rows, outputs linked to this transformation.
        BeginWrites();
        scope?.Added(id, inputs.Select(i => i.BatchId), outputs.Select(o => o.Batch.BatchId));
        foreach (var (batchId, amount) in consumedFromBatch) (await FindBatchAsync(batchId, ct).ConfigureAwait(false))!.Consumed += amount;
        foreach (var (shipmentId, amount) in consumedFromShipment) (await FindShipmentAsync(shipmentId, ct).ConfigureAwait(false))!.Consumed += amount;
        var transformation = existing ?? Transformations.Add(new LineageTransformationEntity
        {
            TransformationId = id, RecordId = claim.RecordId, Issuer = claim.Issuer, Allocation = record.Allocation.ToString(),
        }).Entity;
        transformation.RecordId = claim.RecordId;
        transformation.Allocation = record.Allocation.ToString();
        transformation.Scope1 = record.Emissions.Scope1?.KgCo2e;
        transformation.Scope1Method = MethodName(record.Emissions.Scope1);
        transformation.Scope2 = record.Emissions.Scope2?.KgCo2e;
        transformation.Scope2Method = MethodName(record.Emissions.Scope2);
        Inputs.AddRange(inputs);
        for (var i = 0; i < outputs.Count; i++)
        {
            var (output, batch) = outputs[i];
            batch.ProducedBy = id;
            Outputs.Add(new LineageOutputEntity
            {
                TransformationId = id, Position = i, BatchId = batch.BatchId, Amount = output.Quantity.Amount, Unit = output.Quantity.Unit.Code,
                ValuePerUnit = output.EconomicValuePerUnit,
                Weight = record.Allocation == AllocationRule.Mass
                    ? output.Quantity.In(MeasureUnit.Kilogram)
                    : output.Quantity.Amount * output.EconomicValuePerUnit!.Value,
            });
            affected.Add(batch.BatchId);
        }
        AddRecordRow(record, claim, superseded);
        AddCitations(claim.RecordId, CitationRoles.Scope1, record.Emissions.Scope1?.Evidence ?? [], record.Emissions.Scope1?.IsPrimary ?? false);
        AddCitations(claim.RecordId, CitationRoles.Scope2, record.Emissions.Scope2?.Evidence ?? [], record.Emissions.Scope2?.IsPrimary ?? false);
        return affected;
    }

    /// <summary>Undoes a transformation's consumption and unlinks its outputs; returns the outputs (to recompute).</summary>
    private async Task<List<string>> ReleaseTransformationAsync(string transformationId, CancellationToken ct)
    {
        var inputs = await Inputs.Where(i => i.TransformationId == transformationId).ToListAsync(ct).ConfigureAwait(false);
        foreach (var input in inputs)
        {
            if (input.ShipmentId is { } shipmentId)
                (await FindShipmentAsync(shipmentId, ct).ConfigureAwait(false))!.Consumed -= input.Converted;
            else
                (await FindBatchAsync(input.BatchId, ct).ConfigureAwait(false))!.Consumed -= input.Converted;
        }
        Inputs.RemoveRange(inputs);
        var outputs = await Outputs.Where(o => o.TransformationId == transformationId).ToListAsync(ct).ConfigureAwait(false);
        var released = new List<string>();
        foreach (var output in outputs)
        {
            (await FindBatchAsync(output.BatchId, ct).ConfigureAwait(false))!.ProducedBy = null;
            released.Add(output.BatchId);
        }
        Outputs.RemoveRange(outputs);
        // Flush now so the unique output index is free before the correction's outputs are added.
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return released;
    }

    /// <summary>
    /// Refuses when an output already lies upstream of an input, i.e. an input is (transitively) made from an output.
    /// Walks downstream from the outputs, so a transformation whose outputs have no consumers yet costs one query.
    /// Returns true when nothing consumes the outputs at all.
    /// </summary>
    private async Task<bool> RequireNoCycleAsync(string transformationId, List<string> outputs, HashSet<string> inputs, CancellationToken ct)
    {
        var seen = new HashSet<string>(outputs, StringComparer.Ordinal);
        var frontier = outputs;
        while (frontier.Count > 0)
        {
            // The group scope knows the consumers of the batches its transformations produce; otherwise the database is
            // asked, plus the group's consumers not flushed yet.
            var consumers = scope?.ConsumersOf(frontier)
                ?? [.. await _queries.ConsumersOf(db, frontier).ToListAsync(ct).ConfigureAwait(false), .. scope?.AddedConsumersOf(frontier) ?? []];
            if (consumers.Count == 0) return ReferenceEquals(frontier, outputs);
            consumers = [.. consumers.Distinct(StringComparer.Ordinal)];
            var next = await Outputs.AsNoTracking().Where(o => consumers.Contains(o.TransformationId)).Select(o => o.BatchId).ToListAsync(ct).ConfigureAwait(false);
            if (scope is not null) next.AddRange(scope.AddedOutputsOf(consumers));
            frontier = [];
            foreach (var batchId in next)
            {
                if (inputs.Contains(batchId))
                    throw Refusal.Of("inputs", "transformation", $"transformation {transformationId}: cycle: input batch {batchId} is made (through other transformations) from an output of this transformation");
                if (seen.Add(batchId)) frontier.Add(batchId);
            }
        }
        return false;
    }

    private static MeasureUnit UnitOf(LineageBatchEntity batch) =>
        MeasureUnit.TryParse(batch.Unit, out var unit) ? unit : throw new InvalidOperationException($"batch {batch.BatchId} has unknown unit {batch.Unit}");
}
