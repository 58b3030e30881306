using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage.Configurations;

/// <summary>Table, keys and the indexes behind the record list filters and the anchoring queue.</summary>
internal sealed class EvidenceRecordConfiguration : IEntityTypeConfiguration<EvidenceRecordEntity>
{
    public void Configure(EntityTypeBuilder<EvidenceRecordEntity> builder)
    {
        builder.ToTable("EvidenceRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(66).IsUnicode(false);
        builder.Property(r => r.ContentHash).HasMaxLength(32);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.SubjectHash).HasMaxLength(32);
        builder.Property(r => r.Subject).HasMaxLength(2048);
        builder.Property(r => r.Issuer).HasMaxLength(42).IsUnicode(false);
        builder.Property(r => r.Nonce).HasMaxLength(32);
        builder.Property(r => r.Signature).HasMaxLength(65);
        builder.Property(r => r.MediaType).HasMaxLength(255);
        builder.Property(r => r.FileName).HasMaxLength(1024);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.RevokedTxHash).HasMaxLength(32);
        builder.Property(r => r.SupersededBy).HasMaxLength(66).IsUnicode(false);

        builder.HasOne(r => r.Batch).WithMany().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Restrict);

        // Listing is newest first, paged by (AcceptedAt, Id); each filter gets that suffix so a page is one index range.
        builder.HasIndex(r => new { r.AcceptedAt, r.Id });
        builder.HasIndex(r => new { r.SubjectHash, r.AcceptedAt, r.Id });
        builder.HasIndex(r => new { r.Issuer, r.AcceptedAt, r.Id });
        builder.HasIndex(r => new { r.Kind, r.AcceptedAt, r.Id });
        builder.HasIndex(r => new { r.Status, r.AcceptedAt, r.Id });
        builder.HasIndex(r => r.ContentHash);
        // ListRecords subject_prefix: a range over the readable subject (ordinal; PostgreSQL gives the column the "C"
        // collation, see PostgresTraceDbContext), so a product's GS1 URI finds its lots without a table scan.
        builder.HasIndex(r => r.Subject);
        builder.HasIndex(r => new { r.BatchId, r.LeafIndex });

        // The anchoring queue: claims not yet in a batch, oldest first. Partial, so it stays as small as the queue.
        // The quoted identifier is the same in SQLite and PostgreSQL.
        builder.HasIndex(r => new { r.AcceptedAt, r.Id }, "IX_EvidenceRecords_Queue").HasFilter("\"BatchId\" IS NULL");
    }
}
