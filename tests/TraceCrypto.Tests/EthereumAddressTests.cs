namespace Trace.Crypto.Tests;

public class EthereumAddressTests
{
    [Fact]
    public void Keccak_of_empty_input_matches_the_documented_constant() =>
        Assert.Equal(Keccak256.OfAnEmptyString.ToArray(), Keccak256.Hash([]));

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    public void Lowercase_address_prints_with_its_EIP55_checksum(string checksummed) =>
        Assert.Equal(checksummed, EthereumAddress.Parse(checksummed.ToLowerInvariant()).ToString());

    [Fact]
    public void Mixed_case_address_with_a_wrong_checksum_is_rejected() =>
        Assert.Throws<InvalidAddressException>(() => EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
}
