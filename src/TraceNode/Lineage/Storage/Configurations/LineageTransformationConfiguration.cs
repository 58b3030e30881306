using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Lineage.Storage.Entities;

namespace Trace.Node.Lineage.Storage.Configurations;

/// <summary>Table of current transformations.</summary>
internal sealed class LineageTransformationConfiguration : IEntityTypeConfiguration<LineageTransformationEntity>
{
    public void Configure(EntityTypeBuilder<LineageTransformationEntity> builder)
    {
        builder.ToTable("LineageTransformations");
        builder.HasKey(t => t.TransformationId);
        builder.Property(t => t.RecordId).HasMaxLength(66).IsUnicode(false);
        builder.Property(t => t.Issuer).HasMaxLength(42).IsUnicode(false);
        builder.Property(t => t.Allocation).HasMaxLength(16);
        builder.Property(t => t.Scope1).AsText();
        builder.Property(t => t.Scope2).AsText();
        builder.Property(t => t.Scope1Method).HasMaxLength(16);
        builder.Property(t => t.Scope2Method).HasMaxLength(16);
        builder.HasIndex(t => t.RecordId);
    }
}
