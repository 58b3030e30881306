using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Storage.Configurations;

/// <summary>Table of current shipments.</summary>
internal sealed class LineageShipmentConfiguration : IEntityTypeConfiguration<LineageShipmentEntity>
{
    public void Configure(EntityTypeBuilder<LineageShipmentEntity> builder)
    {
        builder.ToTable("LineageShipments");
        builder.HasKey(s => s.ShipmentId);
        builder.Property(s => s.RecordId).HasMaxLength(66).IsUnicode(false);
        builder.Property(s => s.Issuer).HasMaxLength(42).IsUnicode(false);
        builder.Property(s => s.FromParticipant).HasMaxLength(42).IsUnicode(false);
        builder.Property(s => s.ToParticipant).HasMaxLength(42).IsUnicode(false);
        builder.Property(s => s.FromLocation).HasMaxLength(8).IsUnicode(false);
        builder.Property(s => s.ToLocation).HasMaxLength(8).IsUnicode(false);
        builder.Property(s => s.RecordedUnit).HasMaxLength(8).IsUnicode(false);
        builder.Property(s => s.RecordedAmount).AsText();
        builder.Property(s => s.Quantity).AsText();
        builder.Property(s => s.Consumed).AsText();
        builder.Property(s => s.LegsKg).AsText();
        builder.Property(s => s.LegsPrimaryKg).AsText();
        builder.HasIndex(s => s.BatchId);
        builder.HasIndex(s => s.DrawsFrom);
        builder.HasIndex(s => s.RecordId);
    }
}
