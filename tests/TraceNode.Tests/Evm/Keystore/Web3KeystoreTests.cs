using System.Text.Json.Nodes;
using Trace.Chain.Keystore;
using Trace.Crypto;
using Trace.Tests.Support;

namespace Trace.Node.Tests.Evm.Keystore;

public class Web3KeystoreTests
{
    private static readonly EthereumAddress SomeAddress = EthereumAddress.Parse("0xa6754AdeEDfDeD78c8030ac6cD6C7DDfA46c4232");
    private static readonly ScryptParameters Fast = new(1024, 8, 1);

    private static (string Json, string Password, string PrivateKey, string Address) EthersCase()
    {
        using var doc = VectorFiles.Load("keystore.json");
        var c = doc.RootElement.GetProperty("cases")[0];
        return (c.GetProperty("json").GetRawText(), c.GetProperty("password").GetString()!, c.GetProperty("privateKey").GetString()!,
            c.GetProperty("address").GetString()!);
    }

    public static TheoryData<string> EthereumTestCases()
    {
        using var doc = VectorFiles.Load("ethereum-tests/KeyStoreTests/basic_tests.json");
        var data = new TheoryData<string>();
        foreach (var p in doc.RootElement.EnumerateObject()) data.Add(p.Name);
        return data;
    }

    [Fact]
    public void Ethers_scrypt_keystore_decrypts_to_its_private_key()
    {
        var (json, password, privateKey, address) = EthersCase();
        Assert.Equal(privateKey, Hex.Encode(Web3Keystore.Decrypt(json, password)));
        Assert.Equal(address.ToLowerInvariant()[2..], JsonNode.Parse(json)!["address"]!.GetValue<string>());
        using var key = EthereumKey.FromPrivateKey(Web3Keystore.Decrypt(json, password));
        Assert.Equal(EthereumAddress.Parse(address), key.Address);
        Assert.Equal(address, key.Address.ToString()); // the vector's address is EIP-55 checksummed
    }

    [Fact]
    public void Encrypting_with_the_ethers_salt_iv_and_id_reproduces_the_ethers_file()
    {
        var (json, password, privateKey, address) = EthersCase();
        var expected = JsonNode.Parse(json)!;
        var crypto = expected["Crypto"]!;

        var written = JsonNode.Parse(Web3Keystore.Encrypt(Hex.Decode(privateKey), password, EthereumAddress.Parse(address), Fast,
            Hex.Decode(crypto["kdfparams"]!["salt"]!.GetValue<string>()), Hex.Decode(crypto["cipherparams"]!["iv"]!.GetValue<string>()),
            expected["id"]!.GetValue<string>()))!;

        Assert.Equal(crypto["ciphertext"]!.GetValue<string>(), written["crypto"]!["ciphertext"]!.GetValue<string>());
        Assert.Equal(crypto["mac"]!.GetValue<string>(), written["crypto"]!["mac"]!.GetValue<string>());
        Assert.Equal(expected["address"]!.GetValue<string>(), written["address"]!.GetValue<string>());
        Assert.Equal(3, written["version"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(EthereumTestCases))]
    public void Ethereum_tests_keystores_decrypt_to_their_private_keys(string name)
    {
        using var doc = VectorFiles.Load("ethereum-tests/KeyStoreTests/basic_tests.json");
        var c = doc.RootElement.GetProperty(name);

        var key = Web3Keystore.Decrypt(c.GetProperty("json").GetRawText(), c.GetProperty("password").GetString()!);

        Assert.Equal(c.GetProperty("priv").GetString(), Hex.Encode(key, prefix: false));
    }

    [Fact]
    public void Wrong_password_is_reported_as_a_wrong_password()
    {
        var (json, _, _, _) = EthersCase();
        var e = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(json, "Tr0ub4dor&3"));
        Assert.Contains("wrong password", e.Message);
    }

    [Fact]
    public void Written_keystore_round_trips_with_random_salt_iv_and_uuid()
    {
        var key = Keccak256.HashUtf8("trace-keystore-roundtrip");
        var first = Web3Keystore.Encrypt(key, "pässwörd 🚢", SomeAddress, Fast);
        var second = Web3Keystore.Encrypt(key, "pässwörd 🚢", SomeAddress, Fast);

        Assert.Equal(key, Web3Keystore.Decrypt(first, "pässwörd 🚢"));
        Assert.NotEqual(JsonNode.Parse(first)!["id"]!.GetValue<string>(), JsonNode.Parse(second)!["id"]!.GetValue<string>());
        Assert.NotEqual(JsonNode.Parse(first)!["crypto"]!["ciphertext"]!.GetValue<string>(), JsonNode.Parse(second)!["crypto"]!["ciphertext"]!.GetValue<string>());
        Assert.True(Guid.TryParse(JsonNode.Parse(first)!["id"]!.GetValue<string>(), out _));
        Assert.Equal("a6754adeedfded78c8030ac6cd6c7ddfa46c4232", JsonNode.Parse(first)!["address"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("kdf", "\"argon2\"", "crypto.kdf")]
    [InlineData("cipher", "\"aes-256-gcm\"", "crypto.cipher")]
    [InlineData("mac", "\"zz\"", "crypto.mac")]
    [InlineData("ciphertext", "42", "crypto.ciphertext")]
    [InlineData("kdfparams", "{\"dklen\":32,\"n\":1000,\"r\":8,\"p\":1,\"salt\":\"00\"}", "crypto.kdfparams.n")]
    [InlineData("kdfparams", "{\"dklen\":32,\"n\":1024,\"r\":8,\"p\":1}", "crypto.kdfparams.salt")]
    public void Malformed_or_unsupported_fields_are_named(string field, string replacement, string expectedName)
    {
        var (json, password, _, _) = EthersCase();
        var node = JsonNode.Parse(json)!;
        node["Crypto"]![field] = JsonNode.Parse(replacement);

        var e = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(node.ToJsonString(), password));
        Assert.Contains(expectedName, e.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"version\":3}")]
    [InlineData("{\"version\":2,\"crypto\":{}}")]
    public void Documents_that_are_not_v3_keystores_are_rejected(string json) =>
        Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(json, "x"));

    [Fact]
    public void Scrypt_parameters_that_would_exhaust_memory_are_refused()
    {
        var (json, password, _, _) = EthersCase();
        var node = JsonNode.Parse(json)!;
        node["Crypto"]!["kdfparams"]!["n"] = 1 << 24;
        var e = Assert.Throws<KeystoreException>(() => Web3Keystore.Decrypt(node.ToJsonString(), password));
        Assert.Contains("MiB", e.Message);
    }
}
