using System.Security.Cryptography;
using Trace.Node.Storage;

namespace Trace.Node.Tests.Storage;

public abstract partial class StoreContract
{
    [StoreFact]
    public async Task A_factor_set_keeps_its_first_salt_nonce_and_record_when_activated_again()
    {
        var first = await Store.ActivateFactorSetAsync(FactorSet("v1", """{"a":1}"""), CancellationToken.None);
        Assert.True(await Store.SetFactorSetRecordAsync("v1", "0x" + new string('A', 64), CancellationToken.None));
        Clock.Advance(TimeSpan.FromDays(1));

        var again = await Store.ActivateFactorSetAsync(FactorSet("v1", """{"a":1}"""), CancellationToken.None);

        Assert.Equal(first.Salt, again.Salt);
        Assert.Equal(first.Nonce, again.Nonce);
        Assert.Equal(first.IssuedAt, again.IssuedAt);
        Assert.Equal("0x" + new string('a', 64), again.RecordId);
        Assert.Equal(first.FirstActivatedAt, again.FirstActivatedAt);
        Assert.Equal(first.FirstActivatedAt + TimeSpan.FromDays(1), again.LastActivatedAt);
    }

    [StoreFact]
    public async Task Every_factor_set_used_stays_listed_by_version()
    {
        await Store.ActivateFactorSetAsync(FactorSet("v2", """{"b":2}"""), CancellationToken.None);
        await Store.ActivateFactorSetAsync(FactorSet("v1", """{"a":1}"""), CancellationToken.None);

        var sets = await Store.GetFactorSetsAsync(CancellationToken.None);

        Assert.Equal(["v1", "v2"], sets.Select(s => s.Version));
        Assert.Equal("""{"b":2}""", sets[1].BodyJson);
        Assert.Null(sets[1].RecordId);
        Assert.False(await Store.SetFactorSetRecordAsync("v3", "0x" + new string('b', 64), CancellationToken.None));
    }

    private static StoredFactorSet FactorSet(string version, string body) =>
        new(version, body, RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), 1_700_000_000, null, default, default);
}
