using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Trace.Crypto;
using Trace.Node.Evm.Keystore;

namespace Trace.Node.Tests.Evm.Keystore;

public class ScryptTests
{
    [Fact]
    public void Fallback_scrypt_matches_the_RFC_7914_test_vector()
    {
        var key = ScryptFallback.Generate(System.Text.Encoding.ASCII.GetBytes("password"), System.Text.Encoding.ASCII.GetBytes("NaCl"), 1024, 8, 16, 64);
        Assert.Equal("0xfdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640",
            Hex.Encode(key));
    }

    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(1024, 1, 2)]
    [InlineData(16, 8, 3)]
    [InlineData(256, 3, 1)]
    public void Fallback_scrypt_matches_BouncyCastle_where_both_apply(int n, int r, int p)
    {
        var password = System.Text.Encoding.UTF8.GetBytes("trace");
        var salt = System.Text.Encoding.UTF8.GetBytes("salt-of-the-earth");
        Assert.Equal(SCrypt.Generate(password, salt, n, r, p, 32), ScryptFallback.Generate(password, salt, n, r, p, 32));
    }
}
