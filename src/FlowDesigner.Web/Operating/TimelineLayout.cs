using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using FlowDesigner.Web.Formatting;

namespace FlowDesigner.Web.Operating;

/// <summary>
/// Lays a run's step attempts out on a time axis: outside loops, steps that ran at the same time go to separate lanes
/// (one per parallel branch), and each for-each item has a lane of its own; a loop of more items than a page shows one
/// page of item lanes under a lane that stands for them all. A step's attempts share its lane, each a segment, with the
/// back-off before a retry, a delay and a wait for a called workflow hatched between them.
/// </summary>
public static class TimelineLayout
{
    /// <summary>How many item lanes a page shows.</summary>
    public const int ItemsPerPage = 20;

    /// <param name="now">Where unfinished attempts end.</param>
    public static Timeline Build(RunRecord run, IReadOnlyList<StepDetail> steps, DateTime now, int itemPage = 0)
    {
        var start = run.StartedAt is { } started && started < run.CreatedAt ? started : run.CreatedAt;
        var end = run.FinishedAt ?? now;
        foreach (var step in steps)
        {
            end = Max(end, step.FinishedAt ?? step.ScheduledAt ?? step.StartedAt ?? start);
        }

        var total = Math.Max((end - start).Ticks, TimeSpan.TicksPerMillisecond);
        var spans = steps.GroupBy(s => (s.NodeId, s.Scope))
            .Select(g => Span(g.OrderBy(s => s.Attempt).ToList(), start, total, end))
            .ToList();

        var lanes = new List<TimelineLane>();
        lanes.AddRange(PackRoot(spans.Where(s => s.Scope.Length == 0).ToList()));

        var items = spans.Where(s => s.Scope.Length > 0).GroupBy(s => s.Scope).OrderBy(g => g.Key, ScopeOrder.Instance).ToList();
        var pages = Math.Max(1, (items.Count + ItemsPerPage - 1) / ItemsPerPage);
        var page = Math.Clamp(itemPage, 0, pages - 1);
        if (items.Count > ItemsPerPage)
        {
            var all = items.SelectMany(g => g).ToList();
            var from = all.Min(s => s.From);
            var to = all.Max(s => s.To);
            var status = StepSeverity.Worst(all.Select(s => s.Status));
            var failed = all.Count(s => s.Status == StepStatus.Failed);
            var hint = $"{items.Count:N0} items, {failed:N0} failed; showing {page * ItemsPerPage + 1}-{Math.Min(items.Count, (page + 1) * ItemsPerPage)}";
            lanes.Add(new TimelineLane($"{items.Count:N0} items", [new TimelineBar(0, "Items", 1, status, false, Percent(from - start.Ticks, total), Percent(to - from, total), hint)], IsGroup: true));
        }

        foreach (var item in items.Skip(page * ItemsPerPage).Take(ItemsPerPage))
        {
            lanes.Add(new TimelineLane($"Item {item.Key}", item.OrderBy(s => s.From).SelectMany(s => s.Bars).ToList()));
        }

        return new Timeline(lanes, start, TimeSpan.FromTicks(total), items.Count, page, pages);
    }

    /// <summary>Outside loops: each step's span goes to the first lane free at its start, so parallel branches get lanes of their own.</summary>
    private static IEnumerable<TimelineLane> PackRoot(List<StepSpan> spans)
    {
        var lanes = new List<(long FreeFrom, List<StepSpan> Spans)>();
        foreach (var span in spans.OrderBy(s => s.From).ThenBy(s => s.FirstId))
        {
            var lane = lanes.FindIndex(l => l.FreeFrom <= span.From);
            if (lane < 0)
            {
                lanes.Add((span.To, [span]));
            }
            else
            {
                lanes[lane].Spans.Add(span);
                lanes[lane] = (Math.Max(span.To, lanes[lane].FreeFrom), lanes[lane].Spans);
            }
        }

        return lanes.Select((l, i) => new TimelineLane(lanes.Count == 1 ? "Run" : $"Branch {i + 1}", l.Spans.SelectMany(s => s.Bars).ToList()));
    }

    private sealed record StepSpan(string Scope, long FirstId, long From, long To, StepStatus Status, IReadOnlyList<TimelineBar> Bars);

    private static StepSpan Span(IReadOnlyList<StepDetail> attempts, DateTime start, long total, DateTime end)
    {
        var bars = new List<TimelineBar>();
        DateTime? previousEnd = null;
        foreach (var attempt in attempts)
        {
            var began = attempt.StartedAt ?? attempt.ScheduledAt ?? attempt.FinishedAt ?? previousEnd ?? start;
            var ended = attempt.FinishedAt ?? (attempt.Status is StepStatus.Running or StepStatus.Waiting or StepStatus.Pending ? end : began);
            var hint = Hint(attempt, began, ended);
            if (previousEnd is { } waitFrom && began > waitFrom)
            {
                bars.Add(Wait(attempt, waitFrom, began, start, total, StepStatus.Waiting, $"Back-off before attempt {attempt.Attempt}: {Durations.Describe(began - waitFrom)}"));
            }

            // A delay waits from its start to the time it was scheduled for; a call to another workflow, or a wait not
            // yet ended, waits until it ends. The rest of the attempt is its work.
            var waitsUntil = attempt.Status == StepStatus.Waiting ? ended
                : attempt.ScheduledAt is { } scheduled && scheduled > began ? Min(scheduled, ended)
                : began;
            if (waitsUntil > began)
            {
                // A wait the attempt ended in (cancelled while it waited) shows how it ended, still hatched.
                var endedWaiting = ended <= waitsUntil && attempt.Status is not (StepStatus.Pending or StepStatus.Running or StepStatus.Waiting);
                var waited = $"{attempt.Name} waited {Durations.Describe(waitsUntil - began)}";
                bars.Add(endedWaiting
                    ? Wait(attempt, began, waitsUntil, start, total, attempt.Status, $"{waited}, then {attempt.Status.ToString().ToLowerInvariant()}. {attempt.Error}".TrimEnd(' ', '.'))
                    : Wait(attempt, began, waitsUntil, start, total, StepStatus.Waiting, waited));
            }

            if (ended > waitsUntil || waitsUntil == began)
            {
                bars.Add(new TimelineBar(attempt.Id, attempt.Name, attempt.Attempt, attempt.Status, false,
                    Percent((waitsUntil - start).Ticks, total), Percent((ended - waitsUntil).Ticks, total), hint));
            }

            previousEnd = ended;
        }

        var first = attempts[0];
        var from = (first.StartedAt ?? first.ScheduledAt ?? first.FinishedAt ?? start).Ticks;
        return new StepSpan(first.Scope, first.Id, from, Math.Max(from, (previousEnd ?? start).Ticks), attempts[^1].Status, bars);
    }

    private static TimelineBar Wait(StepDetail attempt, DateTime from, DateTime to, DateTime start, long total, StepStatus status, string hint) =>
        new(attempt.Id, attempt.Name, attempt.Attempt, status, true, Percent((from - start).Ticks, total), Percent((to - from).Ticks, total), hint);

    private static string Hint(StepDetail attempt, DateTime began, DateTime ended)
    {
        var text = $"{attempt.Name}, attempt {attempt.Attempt}: {attempt.Status.ToString().ToLowerInvariant()}, {Durations.Describe(ended - began)}";
        return attempt.Error is { Length: > 0 } error ? $"{text}. {error}" : text;
    }

    private static double Percent(long ticks, long total) => Math.Clamp(ticks * 100.0 / total, 0, 100);

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>Orders item scopes by their numbers (<c>2</c> before <c>10</c>, <c>2.1</c> after <c>2</c>).</summary>
    private sealed class ScopeOrder : IComparer<string>
    {
        public static readonly ScopeOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.');
            var b = (y ?? "").Split('.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var order = int.Parse(a[i]).CompareTo(int.Parse(b[i]));
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
