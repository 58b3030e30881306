using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage.Configurations;

/// <summary>Table of indexer checkpoints, one row per indexer.</summary>
internal sealed class ChainCheckpointConfiguration : IEntityTypeConfiguration<ChainCheckpointEntity>
{
    public void Configure(EntityTypeBuilder<ChainCheckpointEntity> builder)
    {
        builder.ToTable("ChainCheckpoints");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.BlockHash).HasMaxLength(32);
    }
}
