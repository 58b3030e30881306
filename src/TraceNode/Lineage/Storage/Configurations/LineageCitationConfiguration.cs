using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Storage.Configurations;

/// <summary>Table of citations; indexed by the cited record so a withdrawal finds who rests on it.</summary>
internal sealed class LineageCitationConfiguration : IEntityTypeConfiguration<LineageCitationEntity>
{
    public void Configure(EntityTypeBuilder<LineageCitationEntity> builder)
    {
        builder.ToTable("LineageCitations");
        builder.HasKey(c => new { c.RecordId, c.CitedRecordId, c.Role });
        builder.Property(c => c.RecordId).HasMaxLength(66).IsUnicode(false);
        builder.Property(c => c.CitedRecordId).HasMaxLength(66).IsUnicode(false);
        builder.Property(c => c.Role).HasMaxLength(32);
        builder.HasIndex(c => c.CitedRecordId);
    }
}
