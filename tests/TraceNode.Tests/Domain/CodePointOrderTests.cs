using System.Text;
using Trace.Domain;

namespace Trace.Node.Tests.Domain;

/// <summary>
/// <see cref="CodePointOrder"/> is the order of UTF-8 bytes: the order SQLite's lineage walk splits ids by, and the order
/// EPCIS event hashes sort repeated values in (CBV 2.0).
/// </summary>
public sealed class CodePointOrderTests
{
    [Fact]
    public void Strings_sort_as_their_utf8_bytes_do()
    {
        var random = new Random(20261205);
        string[] pieces = ["a", "Z", "0", "é", "中", "\uE000", "\uF8FF", "\uF900", "\uFF21", "\uFFFD", "😀", "𝄞", "\U0010FFFD"];
        var strings = Enumerable.Range(0, 3000)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => pieces[random.Next(pieces.Length)])))
            .ToArray();

        var byCodePoint = strings.Order(CodePointOrder.Instance).ToList();
        var byUtf8 = strings.OrderBy(s => Encoding.UTF8.GetBytes(s), Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToList();

        Assert.Equal(byUtf8, byCodePoint);
    }

    [Theory]
    [InlineData("\uFF21", "😀")] // U+FF21 < U+1F600, though UTF-16's surrogate D83D sorts below FF21
    [InlineData("\uF900", "𝄞")] // U+F900 < U+1D11E: ranking surrogates up by 0x2000 alone (to F800-FFFF) got this one wrong
    [InlineData("\uFFFD", "\U0010FFFD")]
    [InlineData("a", "ab")]
    public void The_lower_code_point_sorts_first(string lower, string higher)
    {
        Assert.True(CodePointOrder.Instance.Compare(lower, higher) < 0);
        Assert.True(CodePointOrder.Instance.Compare(higher, lower) > 0);
        Assert.Equal(0, CodePointOrder.Instance.Compare(lower, new string(lower)));
    }
}
