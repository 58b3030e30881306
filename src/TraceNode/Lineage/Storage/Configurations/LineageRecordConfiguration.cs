using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Storage.Configurations;

/// <summary>Table of accepted lineage records (current and superseded).</summary>
internal sealed class LineageRecordConfiguration : IEntityTypeConfiguration<LineageRecordEntity>
{
    public void Configure(EntityTypeBuilder<LineageRecordEntity> builder)
    {
        builder.ToTable("LineageRecords");
        builder.HasKey(r => r.RecordId);
        builder.Property(r => r.RecordId).HasMaxLength(66).IsUnicode(false);
        builder.Property(r => r.Kind).HasConversion<int>();
        builder.Property(r => r.Issuer).HasMaxLength(42).IsUnicode(false);
        builder.Property(r => r.SupersededBy).HasMaxLength(66).IsUnicode(false);
        builder.HasIndex(r => new { r.Identifier, r.Kind });
    }
}
