using Trace.Crypto;
using Trace.Domain;

namespace Trace.Node.Storage;

/// <summary>Filters and paging for listing records, newest accepted first. Null filters do not filter.</summary>
public sealed record RecordQuery
{
    /// <summary>Default page size.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Largest page size; larger requests are clamped.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Only records about this subject (keccak256 of the identifier, 32 bytes).</summary>
    public byte[]? SubjectHash { get; init; }

    /// <summary>Only records whose readable subject identifier starts with this text (ordinal, case-sensitive).</summary>
    public string? SubjectPrefix { get; init; }

    /// <summary>Only records signed by this issuer.</summary>
    public EthereumAddress? Issuer { get; init; }

    /// <summary>Only records of this kind.</summary>
    public RecordKind? Kind { get; init; }

    /// <summary>Only records in this status.</summary>
    public RecordStatus? Status { get; init; }

    /// <summary>Only records accepted at or after this time.</summary>
    public DateTimeOffset? AcceptedFrom { get; init; }

    /// <summary>Only records accepted strictly before this time.</summary>
    public DateTimeOffset? AcceptedBefore { get; init; }

    /// <summary>Records per page (1..<see cref="MaxPageSize"/>); 0 means <see cref="DefaultPageSize"/>.</summary>
    public int PageSize { get; init; }

    /// <summary>The <see cref="RecordPage.NextCursor"/> of the previous page; null for the first page.</summary>
    public string? Cursor { get; init; }
}
