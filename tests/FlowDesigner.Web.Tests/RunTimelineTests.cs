using Bunit;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using FlowDesigner.Web.Components.Runs;
using FlowDesigner.Web.Operating;
using MudBlazor.Services;

namespace FlowDesigner.Web.Tests;

/// <summary>The timeline's layout from run fixtures, as drawn: lanes, segments by status, waits hatched, a large loop grouped.</summary>
public sealed class RunTimelineTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);
    private readonly BunitContext _context = new();
    private long _ids;

    public Task InitializeAsync()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void ParallelBranches_GetALaneEach_AndAStepAfterThemJoinsTheFirstFree()
    {
        var timeline = Draw(
            Step("hook", "Order placed", 0, 5),
            Step("crm", "Create CRM order", 10, 400),
            Step("mail", "Email the buyer", 10, 200),
            Step("ship", "Send to warehouse", 410, 500));

        var lanes = timeline.FindAll(".fd-timeline-lane");
        Assert.Equal(["Branch 1", "Branch 2"], timeline.FindAll(".fd-timeline-label").Select(l => l.TextContent));
        Assert.Equal(3, lanes[0].QuerySelectorAll(".fd-timeline-bar").Length); // the trigger, one branch, and the step after the join
        Assert.Single(lanes[1].QuerySelectorAll(".fd-timeline-bar"));
        Assert.Equal("Email the buyer", Name(lanes[1].QuerySelector(".fd-timeline-bar")!));
    }

    [Fact]
    public void ForEachItems_GetALaneEach_InTheirOrder()
    {
        var timeline = Draw(
            Step("hook", "Order placed", 0, 5),
            Step("loop", "Each line", 5, 600, port: "done"),
            Step("line", "Send line", 10, 100, scope: "0"),
            Step("line", "Send line", 100, 300, scope: "1"),
            Step("line", "Send line", 300, 590, scope: "10"),
            Step("line", "Send line", 200, 400, scope: "2"));

        Assert.Equal(["Run", "Item 0", "Item 1", "Item 2", "Item 10"], timeline.FindAll(".fd-timeline-label").Select(l => l.TextContent));
    }

    [Fact]
    public void Retries_AreSegmentsOfOneLane_WithTheBackOffHatched_AndTheErrorOnHover()
    {
        var timeline = Draw(
            Step("hook", "Order placed", 0, 5),
            Step("call", "Open incident", 10, 50, attempt: 1, status: StepStatus.Failed, error: "503 Service Unavailable"),
            Step("call", "Open incident", 1050, 1100, attempt: 2, status: StepStatus.Succeeded, scheduled: 1050));

        var bars = timeline.FindAll(".fd-timeline-lane .fd-timeline-bar").Where(b => Name(b) == "Open incident").ToList();
        Assert.Equal(["failed", "waiting", "succeeded"], bars.Select(b => b.GetAttribute("data-status")));
        Assert.Contains("fd-timeline-wait", bars[1].ClassList);
        Assert.Contains("503 Service Unavailable", bars[0].GetAttribute("title"));
        Assert.Contains("Back-off before attempt 2", bars[1].GetAttribute("title"));
        Assert.True(Left(bars[1]) >= Left(bars[0]) + Width(bars[0]) - 0.01 && Left(bars[2]) >= Left(bars[1]) + Width(bars[1]) - 0.01);
    }

    [Fact]
    public void ADelay_AndAWaitNotYetOver_AreHatched()
    {
        var timeline = Draw(
            [Step("hook", "Order placed", 0, 5),
             Step("delay", "Wait a minute", 10, 60_010, scheduled: 60_000),
             Step("call", "Call the sub-workflow", 60_020, null, status: StepStatus.Waiting)],
            running: true);

        var waits = timeline.FindAll(".fd-timeline-wait");
        Assert.Equal(["Wait a minute", "Call the sub-workflow"], waits.Select(Name));
        Assert.Contains("waited 59 s", waits[0].GetAttribute("title"));
    }

    [Fact]
    public void AWaitCancelled_ShowsHowItEnded_StillHatched()
    {
        var timeline = Draw(
            Step("hook", "Order placed", 0, 5),
            Step("delay", "Wait an hour", 10, 2_900, status: StepStatus.Cancelled, scheduled: 3_600_000, error: "Cancelled by ann."));

        var wait = Assert.Single(timeline.FindAll(".fd-timeline-wait"));
        Assert.Equal("cancelled", wait.GetAttribute("data-status"));
        Assert.Contains("then cancelled", wait.GetAttribute("title"));
    }

    [Fact]
    public void ALoopOfAThousandItems_IsGroupedUnderOneLane_AndPagedTwentyAtATime()
    {
        var steps = new List<StepDetail> { Step("hook", "Order placed", 0, 5), Step("loop", "Each line", 5, 10_000, port: "done") };
        steps.AddRange(Enumerable.Range(0, 1000).Select(i => Step("line", "Send line", 10 + i * 9, 18 + i * 9, scope: i.ToString(),
            status: i == 500 ? StepStatus.Failed : StepStatus.Succeeded)));

        var first = Layout(steps, page: 0);
        var page = Layout(steps, page: 25);

        var group = Assert.Single(first.Lanes, l => l.IsGroup);
        Assert.Equal("1,000 items", group.Label);
        Assert.Equal(StepStatus.Failed, Assert.Single(group.Bars).Status);
        Assert.Contains("1 failed", group.Bars[0].Hint);
        Assert.Equal(50, first.ItemPages);
        Assert.Equal(1 + 1 + TimelineLayout.ItemsPerPage, first.Lanes.Count);
        Assert.Equal("Item 500", page.Lanes[2].Label);
        var drawn = _context.Render<RunTimeline>(p => p.Add(c => c.Timeline, page));
        Assert.Equal(22, drawn.FindAll(".fd-timeline-lane").Count);
        Assert.Single(drawn.FindAll(".fd-timeline-lane.fd-timeline-group"));
    }

    private IRenderedComponent<RunTimeline> Draw(params StepDetail[] steps) => Draw(steps, running: false);

    private IRenderedComponent<RunTimeline> Draw(StepDetail[] steps, bool running) =>
        _context.Render<RunTimeline>(p => p.Add(c => c.Timeline, Layout(steps, 0, running)));

    private static Timeline Layout(IReadOnlyList<StepDetail> steps, int page, bool running = false)
    {
        var end = steps.Max(s => s.FinishedAt ?? s.StartedAt ?? T0);
        var run = new RunRecord(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, running ? RunStatus.Running : RunStatus.Succeeded, RunCause.Webhook,
            Guid.NewGuid(), null, null, null, T0, T0, running ? null : end);
        return TimelineLayout.Build(run, steps, end.AddSeconds(1), page);
    }

    private StepDetail Step(string node, string name, int startMs, int? endMs, int attempt = 1, StepStatus status = StepStatus.Succeeded,
        string scope = "", string? error = null, int? scheduled = null, string port = "out") =>
        new(++_ids, Guid.Empty, node, name, "test", scope, attempt, status, null, null, port, error,
            scheduled is { } s ? T0.AddMilliseconds(s) : null, T0.AddMilliseconds(startMs), endMs is { } e ? T0.AddMilliseconds(e) : null);

    private static string Name(AngleSharp.Dom.IElement bar) => bar.GetAttribute("data-name")!;

    private static double Left(AngleSharp.Dom.IElement bar) => Css(bar, "left");

    private static double Width(AngleSharp.Dom.IElement bar) => Css(bar, "width");

    private static double Css(AngleSharp.Dom.IElement bar, string property)
    {
        var style = bar.GetAttribute("style")!;
        var start = style.IndexOf(property + ":", StringComparison.Ordinal) + property.Length + 1;
        return double.Parse(style[start..style.IndexOf('%', start)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
