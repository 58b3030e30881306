using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Storage.Configurations;

/// <summary>Table of withdrawn-evidence marks per batch.</summary>
internal sealed class LineageWithdrawnMarkConfiguration : IEntityTypeConfiguration<LineageWithdrawnMarkEntity>
{
    public void Configure(EntityTypeBuilder<LineageWithdrawnMarkEntity> builder)
    {
        builder.ToTable("LineageWithdrawnMarks");
        builder.HasKey(m => new { m.BatchId, m.RecordId });
        builder.Property(m => m.RecordId).HasMaxLength(66).IsUnicode(false);
        builder.Property(m => m.Kind).HasConversion<int>();
        builder.Property(m => m.Reason).HasMaxLength(16);
        builder.Property(m => m.SupersededBy).HasMaxLength(66).IsUnicode(false);
    }
}
