namespace Trace.Node.Storage;

/// <summary>A paging cursor that this service did not issue (or that was altered).</summary>
public sealed class InvalidCursorException(string cursor)
    : ArgumentException($"the paging cursor '{(cursor.Length > 80 ? cursor[..80] + "…" : cursor)}' is not valid; start again without a cursor", "cursor");
