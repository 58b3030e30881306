using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Storage.Configurations;

/// <summary>Table of batches with their materialised footprints.</summary>
internal sealed class LineageBatchConfiguration : IEntityTypeConfiguration<LineageBatchEntity>
{
    public void Configure(EntityTypeBuilder<LineageBatchEntity> builder)
    {
        builder.ToTable("LineageBatches");
        builder.HasKey(b => b.BatchId);
        builder.Property(b => b.RecordId).HasMaxLength(66).IsUnicode(false);
        builder.Property(b => b.Producer).HasMaxLength(42).IsUnicode(false);
        builder.Property(b => b.Unit).HasMaxLength(8).IsUnicode(false);
        builder.Property(b => b.Quantity).AsText();
        builder.Property(b => b.Scope1).AsText();
        builder.Property(b => b.Scope2).AsText();
        builder.Property(b => b.Scope1Method).HasMaxLength(16);
        builder.Property(b => b.Scope2Method).HasMaxLength(16);
        builder.Property(b => b.DeclarationRecordId).HasMaxLength(66).IsUnicode(false);
        builder.Property(b => b.Declared).AsText();
        builder.Property(b => b.DeclaredPrimary).AsText();
        builder.Property(b => b.Consumed).AsText();
        builder.Property(b => b.Footprint).AsText();
        builder.Property(b => b.Primary).AsText();
        builder.Property(b => b.Verified).AsText();
        builder.Property(b => b.Standing).HasMaxLength(16);
        builder.Property(b => b.Gtin).HasMaxLength(14).IsUnicode(false);
        builder.Property(b => b.Lot).HasMaxLength(64);
        // GS1 Digital Link lookups (/01/{gtin}/10/{lot}) find the batch whatever host or scheme its identifier was written with.
        builder.HasIndex(b => new { b.Gtin, b.Lot });
        builder.HasIndex(b => b.ProducedBy);
        builder.HasIndex(b => b.RecordId);
    }
}
