using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Storage.Configurations;

/// <summary>Table of lineage follower cursors.</summary>
internal sealed class LineageCursorConfiguration : IEntityTypeConfiguration<LineageCursorEntity>
{
    public void Configure(EntityTypeBuilder<LineageCursorEntity> builder)
    {
        builder.ToTable("LineageCursors");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(64);
    }
}
