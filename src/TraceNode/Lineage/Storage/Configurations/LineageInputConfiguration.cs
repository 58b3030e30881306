using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Storage.Configurations;

/// <summary>Table of transformation inputs; indexed by batch for downstream walks and by shipment for corrections.</summary>
internal sealed class LineageInputConfiguration : IEntityTypeConfiguration<LineageInputEntity>
{
    public void Configure(EntityTypeBuilder<LineageInputEntity> builder)
    {
        builder.ToTable("LineageInputs");
        builder.HasKey(i => new { i.TransformationId, i.Position });
        builder.Property(i => i.Amount).AsText();
        builder.Property(i => i.Converted).AsText();
        builder.Property(i => i.Unit).HasMaxLength(8).IsUnicode(false);
        builder.HasIndex(i => i.BatchId);
        builder.HasIndex(i => i.ShipmentId);
    }
}
