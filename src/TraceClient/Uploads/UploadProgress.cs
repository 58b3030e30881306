namespace Trace.Client.Uploads;

/// <summary>How far a folder upload is: files and bytes sent of the totals, and the file being sent.</summary>
public sealed record UploadProgress(int FilesDone, int Files, long BytesDone, long Bytes, string CurrentFile);
