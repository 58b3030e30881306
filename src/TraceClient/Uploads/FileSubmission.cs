using Trace.Protos.V1;

namespace Trace.Client.Uploads;

/// <summary>What happened to one file of a folder upload: the node's answer, or the refusal (the upload goes on).</summary>
public sealed record FileSubmission(string Path, long Bytes, SubmitDocumentResponse? Response, TraceClientException? Error)
{
    /// <summary>True when the node accepted the file (or already had the same claim).</summary>
    public bool Accepted => Response is not null;
}
