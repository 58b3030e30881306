namespace Trace.Domain;

/// <summary>No record has the given id.</summary>
public sealed class RecordNotFoundException(string recordId) : Exception($"no record {recordId}")
{
    public string RecordId { get; } = recordId;
}
