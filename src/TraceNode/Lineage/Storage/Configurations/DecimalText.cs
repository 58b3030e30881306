using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Trace.Node.Lineage.Storage.Configurations;

/// <summary>
/// Stores decimals as invariant text: exact on every provider (SQLite has no decimal type and its NUMERIC affinity
/// would turn figures into doubles; PostgreSQL numeric with a fixed scale would round 28-digit quotients).
/// </summary>
/// <remarks>The lineage never sums in SQL: every figure is computed in C# decimal, so text costs nothing.</remarks>
internal static class DecimalText
{
    private static readonly ValueConverter<decimal, string> Required = new(
        d => d.ToString(CultureInfo.InvariantCulture), s => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture));

    private static readonly ValueConverter<decimal?, string?> Optional = new(
        d => d.HasValue ? d.Value.ToString(CultureInfo.InvariantCulture) : null,
        s => s == null ? null : decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture));

    public static PropertyBuilder<decimal> AsText(this PropertyBuilder<decimal> property) =>
        property.HasConversion(Required).HasMaxLength(64).IsUnicode(false);

    public static PropertyBuilder<decimal?> AsText(this PropertyBuilder<decimal?> property) =>
        property.HasConversion(Optional).HasMaxLength(64).IsUnicode(false);
}
