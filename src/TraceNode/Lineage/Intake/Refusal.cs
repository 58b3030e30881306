using Trace.Domain;

namespace Trace.Node.Lineage.Intake;

/// <summary>Builds the refusals of cross-record validation: the record's JSON path and "&lt;kind&gt; record: ..." naming the batch.</summary>
internal static class Refusal
{
    public static InvalidFieldException Of(string path, string kind, string message) =>
        new(path.Length == 0 ? "record_json" : "record_json." + path, $"{kind} record: {message}");
}
