using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Trace.Node.Blobs;

/// <summary>
/// Registers <see cref="FileBlobStore"/> as the <see cref="IBlobStore"/>, bound from <see cref="BlobStoreOptions.SectionName"/>,
/// with the content key ring bound from <see cref="ContentEncryptionOptions.SectionName"/>.
/// </summary>
public static class BlobServiceCollectionExtensions
{
    /// <summary>Adds the file blob store.</summary>
    public static IServiceCollection AddTraceBlobStore(this IServiceCollection services)
    {
        services.AddOptions<BlobStoreOptions>()
            .BindConfiguration(BlobStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Without a configured KEK the generated one lives beside the blob root: <data>/blobs → <data>/keys/content-kek.key.
        services.AddOptions<ContentEncryptionOptions>().BindConfiguration(ContentEncryptionOptions.SectionName)
            .PostConfigure<Microsoft.Extensions.Options.IOptions<BlobStoreOptions>>((content, blobs) => content.GeneratedKeyFile ??=
                Path.Combine(Path.GetDirectoryName(Path.GetFullPath(blobs.Value.RootDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "keys", "content-kek.key"));
        services.TryAddSingleton(provider => ContentKeyRing.FromOptions(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContentEncryptionOptions>>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBlobStore, FileBlobStore>();
        return services;
    }
}
