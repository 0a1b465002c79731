using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Users;
using FlowDesigner.Web.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FlowDesigner.Web.Operating;

/// <summary>
/// The Runs page's state: its filters (read from and written to the address, so a filtered list can be linked), the
/// runs loaded so far newest first, paged by keyset, kept fresh while the page is open, and the bulk retry's progress.
/// </summary>
public sealed class RunListState(IRunStore runs, WorkflowService workflows, RunMending mending)
{
    public const int PageSize = 50;

    private readonly List<RunRecord> _runs = [];
    private Guid? _next;

    public IReadOnlyList<RunRecord> Runs => _runs;

    public bool HasOlder => _next is not null;

    public bool Loaded { get; private set; }

    /// <summary>What is wrong with the address's filters, when something is; the list then shows every run.</summary>
    public string? Problem { get; private set; }

    public Guid? WorkflowId { get; set; }

    public IReadOnlyCollection<RunStatus> Statuses { get; set; } = [];

    public RunCause? Cause { get; set; }

    public DateTime? From { get; set; }

    public DateTime? To { get; set; }

    /// <summary>A run id, a correlation id, or the beginning of a run's title.</summary>
    public string Search { get; set; } = "";

    /// <summary>The workflows by id, to name each run's and to filter by one.</summary>
    public IReadOnlyDictionary<Guid, string> WorkflowNames { get; private set; } = new Dictionary<Guid, string>();

    public BulkRetryProgress? BulkProgress { get; private set; }

    public BulkRetryResult? BulkResult { get; private set; }

    /// <summary>Reads the filters from the page's address (the names of <c>GET /api/runs</c>) and loads the first page.</summary>
    public async Task OpenAsync(string uri, CancellationToken cancellationToken)
    {
        var query = new QueryCollection(QueryHelpers.ParseQuery(new Uri(uri).Query));
        var (parsed, problem) = RunListQuery.Parse(query);
        Problem = problem;
        if (parsed is not null)
        {
            WorkflowId = parsed.Filter.WorkflowId;
            Statuses = parsed.Filter.Statuses.ToList();
            Cause = parsed.Filter.Causes.Count == 1 ? parsed.Filter.Causes[0] : null;
            From = parsed.Filter.From;
            To = parsed.Filter.To;
            Search = parsed.Filter.Id?.ToString() ?? parsed.Filter.TitlePrefix ?? "";
        }

        var listed = await workflows.ListAsync(new WorkflowQuery(Take: 500) { Sort = WorkflowSort.Name, Descending = false }, cancellationToken);
        WorkflowNames = listed.Items.ToDictionary(w => w.Id, w => w.Name);
        await ReloadAsync(cancellationToken);
    }

    public RunFilter Filter
    {
        get
        {
            var search = Search.Trim();
            var isId = Guid.TryParse(search, out var id);
            return new RunFilter
            {
                WorkflowId = WorkflowId,
                Statuses = Statuses.ToList(),
                Causes = Cause is { } cause ? [cause] : [],
                From = From,
                To = To,
                Id = isId ? id : null,
                TitlePrefix = isId || search.Length == 0 ? null : search,
            };
        }
    }

    /// <summary>The page's address for the filters as they stand, so that a reload or a shared link shows the same runs.</summary>
    public string Address()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("workflow", WorkflowId?.ToString());
        Add("status", string.Join(",", Statuses.Select(s => s.ToString().ToLowerInvariant())));
        Add("cause", Cause?.ToString().ToLowerInvariant());
        Add("from", From?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        var filter = Filter;
        Add(filter.Id is null ? "title" : "id", Search.Trim());
        return parts.Count == 0 ? "runs" : "runs?" + string.Join("&", parts);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var page = await runs.FindRunsAsync(Filter, null, PageSize, cancellationToken);
        _runs.Clear();
        _runs.AddRange(page.Runs);
        _next = page.Next;
        Loaded = true;
    }

    public async Task LoadOlderAsync(CancellationToken cancellationToken)
    {
        if (_next is not { } after)
        {
            return;
        }

        var page = await runs.FindRunsAsync(Filter, after, PageSize, cancellationToken);
        _runs.AddRange(page.Runs);
        _next = page.Next;
    }

    /// <summary>
    /// Takes in the runs the feed says changed: those shown are read again where they stand, and a run newer than the
    /// newest shown brings the newest page in on top. Nothing else is read; true when anything shown changed.
    /// </summary>
    public async Task<bool> ApplyAsync(IReadOnlySet<Guid> changed, CancellationToken cancellationToken)
    {
        var shown = _runs.Where(r => changed.Contains(r.Id)).Select(r => r.Id).ToList();
        var newest = _runs.Count == 0 ? (Guid?)null : _runs[0].Id;
        var updated = false;
        if (shown.Count > 0)
        {
            var fresh = (await runs.FindRunsAsync(shown, cancellationToken)).ToDictionary(r => r.Id);
            for (var i = 0; i < _runs.Count; i++)
            {
                if (fresh.TryGetValue(_runs[i].Id, out var run) && run != _runs[i])
                {
                    _runs[i] = run;
                    updated = true;
                }
            }
        }

        if (changed.Any(id => newest is null || id.CompareTo(newest.Value) > 0))
        {
            updated |= await RefreshAsync(cancellationToken);
        }

        return updated;
    }

    /// <summary>
    /// Reads the newest page again: new runs come in on top and the runs on it show their status now; older pages the
    /// user loaded stay where they are. True when anything shown changed.
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var page = await runs.FindRunsAsync(Filter, null, PageSize, cancellationToken);
        var fresh = page.Runs.ToDictionary(r => r.Id);
        var changed = page.Runs.Any(r => !_runs.Contains(r));
        if (!changed)
        {
            return false;
        }

        var older = _runs.Where(r => !fresh.ContainsKey(r.Id) && (page.Runs.Count == 0 || r.Id.CompareTo(page.Runs[^1].Id) < 0)).ToList();
        _runs.Clear();
        _runs.AddRange(page.Runs);
        _runs.AddRange(older);
        if (older.Count == 0)
        {
            _next = page.Next;
        }

        return true;
    }

    /// <summary>Retries every failed run the filters select, reporting as it goes.</summary>
    public async Task RetryFailedAsync(Actor actor, Action changed, CancellationToken cancellationToken)
    {
        BulkResult = null;
        BulkProgress = new BulkRetryProgress(0, 0, 0);
        var progress = new Progress<BulkRetryProgress>(p =>
        {
            BulkProgress = p;
            changed();
        });
        BulkResult = await mending.RetryFailedAsync(Filter, actor, progress, cancellationToken);
        BulkProgress = null;
        await ReloadAsync(cancellationToken);
    }

    public string WorkflowName(Guid workflowId) => WorkflowNames.GetValueOrDefault(workflowId) ?? "(deleted workflow)";
}
