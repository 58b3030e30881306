using System.Runtime.CompilerServices;
using Trace.Client.Claims;
using Trace.Client.Uploads;
using Trace.Protos.V1;

namespace Trace.Client;

// Documents in bulk: a folder, one file after another, with progress.
public sealed partial class TraceClient
{
    /// <summary>
    /// Submits every file under <paramref name="folder"/> (recursively, in name order) as a document of <paramref name="kind"/>:
    /// each hashed, signed and uploaded; <paramref name="subjectOf"/> gives a file's subject id (default: <c>urn:trace:file:</c>
    /// + its path relative to the folder). A refused file is reported and the upload goes on.
    /// </summary>
    public async IAsyncEnumerable<FileSubmission> SubmitFolderAsync(ClaimSigner signer, string folder, RecordKind kind,
        Func<string, string>? subjectOf = null, IProgress<UploadProgress>? progress = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => new FileInfo(f)).ToList();
        var total = files.Sum(f => f.Length);
        long done = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var relative = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
            var subject = subjectOf?.Invoke(file.FullName) ?? "urn:trace:file:" + relative;
            var before = done;
            FileSubmission result;
            try
            {
                var digest = await DocumentDigest.OfFileAsync(file.FullName, ct).ConfigureAwait(false);
                var header = signer.DocumentHeader(digest, kind, subject, MediaTypes.Of(file.Name), file.Name);
                await using var stream = new ProgressStream(file.OpenRead(),
                    read => progress?.Report(new UploadProgress(i, files.Count, before + read, total, relative)));
                result = new FileSubmission(file.FullName, file.Length, await SubmitDocumentAsync(header, stream, ct).ConfigureAwait(false), null);
            }
            catch (TraceClientException ex)
            {
                result = new FileSubmission(file.FullName, file.Length, null, ex);
            }
            done = before + file.Length;
            progress?.Report(new UploadProgress(i + 1, files.Count, done, total, relative));
            yield return result;
        }
    }
}
