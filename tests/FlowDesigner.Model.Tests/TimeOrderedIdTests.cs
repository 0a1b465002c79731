using FlowDesigner.Model.Runs;

namespace FlowDesigner.Model.Tests;

public sealed class TimeOrderedIdTests
{
    [Fact]
    public void Ids_AreVersion7_CarryTheirTime_AndSortByIt()
    {
        var at = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

        var earlier = TimeOrderedId.New(at);
        var later = TimeOrderedId.New(at.AddMilliseconds(1));

        Assert.Equal(7, earlier.Version);
        Assert.Equal(0x8, earlier.Variant & 0xC);
        Assert.StartsWith(at.ToUnixTimeMilliseconds().ToString("x12")[..8], earlier.ToString(), StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal(earlier.ToString("D").ToUpperInvariant(), later.ToString("D").ToUpperInvariant()) < 0);
        Assert.Equal(Guid.CreateVersion7(at).ToString()[..13], earlier.ToString()[..13]);
    }

    [Fact]
    public async Task Ids_AreUnique_AcrossThreadsAndRefills()
    {
        var perThread = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 50_000).Select(_ => TimeOrderedId.New()).ToList())));

        var all = perThread.SelectMany(ids => ids).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all.Take(1000), id => Assert.Equal(7, id.Version));
    }
}
