using Trace.Chain.Keystore;
using Trace.Client.Keys;
using Trace.Crypto;

namespace Trace.Client.Tests.Keys;

/// <summary>The keystore folder `trace keys` uses: keys stored encrypted, listed by name, unlocked only with their password.</summary>
public sealed class KeyStoreDirectoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("trace-keys-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_created_key_is_listed_by_name_and_unlocks_only_with_its_password()
    {
        var store = new KeyStoreDirectory(_directory);
        var created = store.Create("supplier", "s3cret", KeyStrength.Light);

        var listed = Assert.Single(store.List());
        Assert.Equal(("supplier", created.Address), (listed.Name, listed.Address));
        Assert.DoesNotContain("s3cret", File.ReadAllText(listed.Path));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(listed.Path));
        using var key = store.Unlock("supplier", "s3cret");
        Assert.Equal(created.Address, key.Address);
        using var byAddress = store.Unlock(created.Address.ToString(), "s3cret");
        Assert.Equal(created.Address, byAddress.Address);
        Assert.Throws<KeystoreException>(() => store.Unlock("supplier", "wrong"));
    }

    [Fact]
    public void An_imported_key_keeps_its_address_and_names_and_keys_are_not_stored_twice()
    {
        var store = new KeyStoreDirectory(_directory);
        using var key = EthereumKey.Generate();
        store.Import("carrier", key, "pw", KeyStrength.Light);

        Assert.Equal(key.Address, store.Find("carrier").Address);
        Assert.Equal(key.Address, store.Find(null).Address); // the only key
        Assert.Contains("already stored as 'carrier'", Assert.Throws<ArgumentException>(() => store.Import("again", key, "pw", KeyStrength.Light)).Message);
        Assert.Throws<ArgumentException>(() => store.Create("carrier", "pw", KeyStrength.Light));
        Assert.Throws<ArgumentException>(() => store.Create("../escape", "pw", KeyStrength.Light));
        store.Create("second", "pw", KeyStrength.Light);
        Assert.Contains("--key", Assert.Throws<KeyNotFoundException>(() => store.Find(null)).Message);
    }
}
