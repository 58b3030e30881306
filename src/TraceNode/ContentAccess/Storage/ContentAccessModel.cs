using Microsoft.EntityFrameworkCore;

namespace Trace.Node.ContentAccess.Storage;

/// <summary>Adds the content grant table to the index model.</summary>
public static class ContentAccessModel
{
    /// <summary>Configures <see cref="ContentGrantEntity"/> (table ContentGrants).</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ContentGrantEntity>(grant =>
        {
            grant.ToTable("ContentGrants");
            grant.HasKey(g => g.Id);
            grant.Property(g => g.Id).HasMaxLength(32).IsUnicode(false);
            grant.Property(g => g.Issuer).HasMaxLength(66).IsUnicode(false);
            grant.Property(g => g.Grantee).HasMaxLength(66).IsUnicode(false);
            grant.Property(g => g.Scope).HasConversion<string>().HasMaxLength(8);
            grant.Property(g => g.Target).HasMaxLength(256);
            grant.Property(g => g.GrantedBy).HasMaxLength(42).IsUnicode(false);
            grant.Property(g => g.RevokedBy).HasMaxLength(42).IsUnicode(false);
            grant.HasIndex(g => new { g.Grantee, g.Target });
            grant.HasIndex(g => g.Issuer);
        });
    }
}
