using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;

namespace FlowDesigner.Web.Operating;

/// <summary>
/// The dashboard's numbers: runs ended per minute over the last hour and per hour over the last day, each workflow's
/// successes and failures over 24 hours (all from the rollups), the slowest steps among the latest, and the latest
/// failed runs. Read again while the page is open.
/// </summary>
public sealed class DashboardState(
    IRunStatistics statistics, IRunStore runs, IWorkflowStore workflows, IVersionStore versions, NodeCatalog catalog, TimeProvider clock)
{
    /// <summary>How many of the newest steps the slowest steps are found among.</summary>
    public const int LatestSteps = 5000;

    private const int SlowestShown = 8;
    private const int FailuresShown = 8;

    /// <summary>Steps whose duration is a wait for something else, not work: left out of the slowest, as triggers are (they only record the event).</summary>
    private static readonly HashSet<string> Waits = [CoreNodeTypes.Delay, CoreNodeTypes.CallWorkflow];

    private readonly Dictionary<Guid, VersionRecord?> _versions = [];

    public bool Loaded { get; private set; }

    public DateTime Now { get; private set; }

    /// <summary>The last 60 minutes, oldest first, one entry a minute (zeros where nothing ended).</summary>
    public IReadOnlyList<EndCount> LastHour { get; private set; } = [];

    /// <summary>The last 24 hours, oldest first, one entry an hour.</summary>
    public IReadOnlyList<EndCount> LastDay { get; private set; } = [];

    /// <summary>Each workflow's ends over 24 hours, most failures first.</summary>
    public IReadOnlyList<EndCount> ByWorkflow { get; private set; } = [];

    public IReadOnlyList<SlowStep> Slowest { get; private set; } = [];

    public IReadOnlyList<RunRecord> LatestFailures { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> WorkflowNames { get; private set; } = new Dictionary<Guid, string>();

    public int EndedLastHour => LastHour.Sum(c => c.Total);

    public int FailedLastHour => LastHour.Sum(c => c.Failed);

    public int EndedLastDay => LastDay.Sum(c => c.Total);

    public int FailedLastDay => LastDay.Sum(c => c.Failed);

    public string WorkflowName(Guid workflowId) => WorkflowNames.GetValueOrDefault(workflowId) ?? "(deleted workflow)";

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var minute = new DateTime(Now.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var hour = new DateTime(Now.Ticks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, DateTimeKind.Utc);
        LastHour = Fill(await statistics.CountEndsAsync(minute.AddMinutes(-59), byHour: false, cancellationToken), minute.AddMinutes(-59), TimeSpan.FromMinutes(1), 60);
        LastDay = Fill(await statistics.CountEndsAsync(hour.AddHours(-23), byHour: true, cancellationToken), hour.AddHours(-23), TimeSpan.FromHours(1), 24);
        ByWorkflow = (await statistics.CountEndsByWorkflowAsync(Now.AddHours(-24), cancellationToken))
            .OrderByDescending(c => c.Failed).ThenByDescending(c => c.Total).ToList();
        var listed = await workflows.ListAsync(new WorkflowQuery(Take: 1000) { Sort = WorkflowSort.Name, Descending = false }, cancellationToken);
        WorkflowNames = listed.Items.ToDictionary(w => w.Id, w => w.Name);
        Slowest = await SlowestAsync(cancellationToken);
        LatestFailures = (await runs.FindRunsAsync(new RunFilter { Statuses = [RunStatus.Failed] }, null, FailuresShown, cancellationToken)).Runs;
        Loaded = true;
    }

    private async Task<IReadOnlyList<SlowStep>> SlowestAsync(CancellationToken cancellationToken)
    {
        var slow = new List<SlowStep>();
        foreach (var timing in (await statistics.FindStepTimingsAsync(LatestSteps, cancellationToken)).OrderByDescending(t => t.Average))
        {
            var node = timing.VersionId is { } id ? (await VersionAsync(id, cancellationToken))?.Definition.Nodes.FirstOrDefault(n => n.Id == timing.NodeId) : null;
            if (node is not null && (Waits.Contains(node.Type) || catalog.FindNodeType(node.Type)?.Kind == NodeKind.Trigger))
            {
                continue;
            }

            slow.Add(new SlowStep(timing, node?.Name ?? timing.NodeId, node?.Type));
            if (slow.Count == SlowestShown)
            {
                break;
            }
        }

        return slow;
    }

    private async Task<VersionRecord?> VersionAsync(Guid versionId, CancellationToken cancellationToken)
    {
        if (!_versions.TryGetValue(versionId, out var version))
        {
            _versions[versionId] = version = await versions.FindAsync(versionId, cancellationToken);
        }

        return version;
    }

    /// <summary>One entry for each period from <paramref name="first"/>, the counts found or zeros.</summary>
    private static List<EndCount> Fill(IReadOnlyList<EndCount> found, DateTime first, TimeSpan period, int periods)
    {
        var byKey = found.Where(c => c.Key is not null).ToDictionary(c => c.Key!.Value);
        return Enumerable.Range(0, periods)
            .Select(i => first + (period * i))
            .Select(at => byKey.GetValueOrDefault(at) ?? new EndCount(at, null, 0, 0, 0))
            .ToList();
    }
}
