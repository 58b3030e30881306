using Trace.Node.Hosting;

namespace Trace.Node.Tests.Hosting;

public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("Host=db;Username=trace;Password=s3cr3t-pw;Database=trace")]
    [InlineData("Host=db;User ID=trace;PWD=s3cr3t-pw")]
    [InlineData("Data Source=x;Password=\"s3cr3t-pw;still\"")]
    public void Connection_string_passwords_are_never_shown(string connectionString)
    {
        var shown = SecretRedaction.ConnectionString(connectionString);
        Assert.DoesNotContain("s3cr3t-pw", shown);
        Assert.Contains("***", shown);
    }

    [Fact]
    public void Connection_string_keeps_what_is_not_secret()
    {
        var shown = SecretRedaction.ConnectionString("Host=db.internal;Username=trace;Password=x;Database=trace");
        Assert.Contains("db.internal", shown);
        Assert.Contains("trace", shown);
    }

    [Theory]
    [InlineData("https://mainnet.infura.io/v3/0123456789abcdef", "https://mainnet.infura.io:443/…")]
    [InlineData("https://user:apikey@rpc.example:8545", "https://rpc.example:8545/…")]
    [InlineData("http://127.0.0.1:8545?key=abc", "http://127.0.0.1:8545/…")]
    [InlineData("http://127.0.0.1:8545", "http://127.0.0.1:8545")]
    [InlineData("", "(empty)")]
    public void Rpc_urls_show_only_where_they_point(string url, string expected) =>
        Assert.Equal(expected, SecretRedaction.Url(url));
}
