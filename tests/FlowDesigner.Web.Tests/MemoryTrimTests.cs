using FlowDesigner.Testing;
using FlowDesigner.Web.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Web.Tests;

public sealed class MemoryTrimTests
{
    [Fact]
    public async Task Trim_RunsOnce_ForSessionsThatEndTogether_AndNoSoonerThanItsSpacingAfter()
    {
        using var logs = new CapturedLogs();
        using var trim = new MemoryTrim(new LoggerFactory([logs]).CreateLogger<MemoryTrim>(), TimeProvider.System)
        {
            Delay = TimeSpan.FromMilliseconds(200),
            Spacing = TimeSpan.FromSeconds(2),
        };

        trim.Schedule();
        trim.Schedule();
        trim.Schedule();
        await WaitForTrimsAsync(logs, 1);
        trim.Schedule(); // within the spacing: it waits for it
        await Task.Delay(TimeSpan.FromMilliseconds(800));

        Assert.Single(Trims(logs));
        Assert.Contains("MiB resident before", Trims(logs).Single());
        await WaitForTrimsAsync(logs, 2);
    }

    private static List<string> Trims(CapturedLogs logs) => [.. logs.Entries.Where(e => e.Contains("Memory given back", StringComparison.Ordinal))];

    private static async Task WaitForTrimsAsync(CapturedLogs logs, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Trims(logs).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} trims within 30 s; saw {Trims(logs).Count}.");
            await Task.Delay(50);
        }
    }
}
