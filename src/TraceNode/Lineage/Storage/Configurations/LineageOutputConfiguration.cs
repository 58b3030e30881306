using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Storage.Configurations;

/// <summary>Table of transformation outputs; a batch is the output of at most one current transformation.</summary>
internal sealed class LineageOutputConfiguration : IEntityTypeConfiguration<LineageOutputEntity>
{
    public void Configure(EntityTypeBuilder<LineageOutputEntity> builder)
    {
        builder.ToTable("LineageOutputs");
        builder.HasKey(o => new { o.TransformationId, o.Position });
        builder.Property(o => o.Amount).AsText();
        builder.Property(o => o.ValuePerUnit).AsText();
        builder.Property(o => o.Weight).AsText();
        builder.Property(o => o.Unit).HasMaxLength(8).IsUnicode(false);
        builder.HasIndex(o => o.BatchId).IsUnique();
    }
}
