using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage.Configurations;

/// <summary>Table of transport factor sets, one row per version.</summary>
internal sealed class TransportFactorSetConfiguration : IEntityTypeConfiguration<TransportFactorSetEntity>
{
    public void Configure(EntityTypeBuilder<TransportFactorSetEntity> builder)
    {
        builder.ToTable("TransportFactorSets");
        builder.HasKey(s => s.Version);
        builder.Property(s => s.Version).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.Salt).HasMaxLength(32);
        builder.Property(s => s.Nonce).HasMaxLength(32);
        builder.Property(s => s.RecordId).HasMaxLength(66).IsUnicode(false);
    }
}
