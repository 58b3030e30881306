using System.Text.Json;
using Trace.Domain;
using Trace.Domain.Lineage;

namespace Trace.Node.Lineage.Records;

/// <summary>Reads a schema-valid transformation record (kind 17) and checks it on its own: identifiers, allocation rule, self-input.</summary>
internal static class TransformationRecordParser
{
    public static TransformationRecord Parse(JsonElement root)
    {
        var context = new RecordReadContext(RecordKind.Transformation);
        const string at = RecordFieldPath.Root;
        var id = context.LineageId(root.GetProperty("transformationId"), $"{at}.transformationId");
        var inputs = new List<TransformationInput>();
        var i = 0;
        foreach (var input in root.GetProperty("inputs").EnumerateArray())
        {
            var field = $"{at}.inputs[{i++}]";
            inputs.Add(new TransformationInput(
                context.BatchId(input.GetProperty("batchId"), $"{field}.batchId").Text,
                context.Quantity(input.GetProperty("quantity"), $"{field}.quantity"),
                context.OptionalLineageId(input, "shipmentId", field)));
        }
        var allocation = RecordReadContext.OptionalString(root, "allocation") == "economic" ? AllocationRule.Economic : AllocationRule.Mass;
        var outputs = new List<TransformationOutput>();
        i = 0;
        foreach (var output in root.GetProperty("outputs").EnumerateArray())
        {
            var field = $"{at}.outputs[{i++}]";
            var batchId = context.BatchId(output.GetProperty("batchId"), $"{field}.batchId").Text;
            var quantity = context.Quantity(output.GetProperty("quantity"), $"{field}.quantity");
            var value = RecordReadContext.TryMember(output, "economicValuePerUnit", out var v) ? context.Positive(v, $"{field}.economicValuePerUnit") : (decimal?)null;
            if (allocation == AllocationRule.Mass && !quantity.Unit.IsMass)
                context.Fail($"{field}.quantity.unit", $"mass allocation needs every output in a mass unit, got {quantity.Unit.Code}: state \"allocation\": \"economic\" with economicValuePerUnit");
            if (allocation == AllocationRule.Economic && value is null)
                context.Fail($"{field}.economicValuePerUnit", "economic allocation needs economicValuePerUnit on every output");
            if (outputs.Any(o => o.BatchId == batchId)) context.Fail($"{field}.batchId", $"batch {batchId} is listed twice as an output");
            if (inputs.FindIndex(x => x.BatchId == batchId) is var self and >= 0)
                context.Fail($"{field}.batchId", $"batch {batchId} is also inputs[{self}]: a batch cannot be an input of its own production");
            outputs.Add(new TransformationOutput(batchId, quantity, value));
        }
        return new TransformationRecord(id, context.Facility(root, at), context.Period(root, "period", at), inputs, outputs, allocation, context.Emissions(root, at))
        {
            Supersedes = context.OptionalRecordId(root, "supersedes", at),
        };
    }
}
