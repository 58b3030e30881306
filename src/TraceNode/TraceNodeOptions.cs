using System.ComponentModel.DataAnnotations;

namespace Trace.Node;

/// <summary>Where a Trace node keeps its files (section "Trace").</summary>
public sealed class TraceNodeOptions
{
    public const string Section = "Trace";

    /// <summary>Data directory for the SQLite index, blobs, chain state and deployment record. Default ./data.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The data directory as an absolute path.</summary>
    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
}
