using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage.Configurations;

/// <summary>Table of the status change feed; the sequence is the tailing cursor.</summary>
internal sealed class RecordStatusChangeConfiguration : IEntityTypeConfiguration<RecordStatusChangeEntity>
{
    public void Configure(EntityTypeBuilder<RecordStatusChangeEntity> builder)
    {
        builder.ToTable("RecordStatusChanges");
        builder.HasKey(c => c.Sequence);
        builder.Property(c => c.Sequence).ValueGeneratedOnAdd();
        builder.Property(c => c.RecordId).HasMaxLength(66).IsUnicode(false);
        builder.Property(c => c.Change).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<EvidenceRecordEntity>().WithMany().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.RecordId, c.Sequence });
    }
}
