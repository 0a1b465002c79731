using FlowDesigner.Engine.Retention;
using FlowDesigner.Model.Retention;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Web.Operating;

/// <summary>
/// The Retention and storage page's state: the global rule and the workflows' own as an admin edits them, the
/// storage the history takes, and a pruning started from the page with its progress.
/// </summary>
public sealed class RetentionState(IRetentionStore store, IWorkflowStore workflows, HistoryPruner pruner)
{
    public bool Loaded { get; private set; }

    public RetentionSettings Settings { get; private set; } = new(RetentionRule.Default, new Dictionary<Guid, RetentionRule>());

    public StorageReport? Storage { get; private set; }

    public IReadOnlyDictionary<Guid, string> WorkflowNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The global rule's fields as edited; null keeps runs whatever their age or number.</summary>
    public int? GlobalDays { get; set; }

    public int? GlobalRuns { get; set; }

    /// <summary>The workflow whose own rule is being added, and its fields.</summary>
    public Guid? NewWorkflowId { get; set; }

    public int? NewDays { get; set; }

    public int? NewRuns { get; set; }

    /// <summary>What is wrong with the last rule saved, in words; null when it was saved.</summary>
    public string? Problem { get; private set; }

    public string? Saved { get; private set; }

    public PruneProgress? Progress { get; private set; }

    public PruneResult? LastPrune { get; private set; }

    public bool IsPruning => Progress is not null || pruner.IsPruning;

    public string WorkflowName(Guid workflowId) => WorkflowNames.GetValueOrDefault(workflowId) ?? "(deleted workflow)";

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Settings = await store.GetSettingsAsync(cancellationToken);
        (GlobalDays, GlobalRuns) = (Settings.Global.MaxAgeDays, Settings.Global.MaxRuns);
        var listed = await workflows.ListAsync(new WorkflowQuery(Take: 1000) { Sort = WorkflowSort.Name, Descending = false }, cancellationToken);
        WorkflowNames = listed.Items.ToDictionary(w => w.Id, w => w.Name);
        Storage = await store.GetStorageAsync(cancellationToken);
        Loaded = true;
    }

    public Task SaveGlobalAsync(Actor actor, CancellationToken cancellationToken) =>
        SaveAsync(null, new RetentionRule(GlobalDays, GlobalRuns), actor, "The rule of every workflow is saved.", cancellationToken);

    public async Task AddWorkflowRuleAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (NewWorkflowId is not { } workflowId)
        {
            (Problem, Saved) = ("Choose the workflow that keeps its runs by a rule of its own.", null);
            return;
        }

        if (await SaveAsync(workflowId, new RetentionRule(NewDays, NewRuns), actor, $"'{WorkflowName(workflowId)}' keeps its runs by its own rule.", cancellationToken))
        {
            (NewWorkflowId, NewDays, NewRuns) = (null, null, null);
        }
    }

    public async Task RemoveWorkflowRuleAsync(Guid workflowId, Actor actor, CancellationToken cancellationToken)
    {
        await store.RemoveRuleAsync(workflowId, actor, cancellationToken);
        (Problem, Saved) = (null, $"'{WorkflowName(workflowId)}' follows the rule of every workflow again.");
        Settings = await store.GetSettingsAsync(cancellationToken);
    }

    /// <summary>Prunes now, by the rules saved, reporting as it goes; the storage is read again after.</summary>
    public async Task PruneNowAsync(Action changed, CancellationToken cancellationToken)
    {
        Progress = new PruneProgress(0, 0, 0, "Looking for runs to prune");
        var done = false;
        var progress = new Progress<PruneProgress>(p =>
        {
            // Reports arrive on the page's context after the fact: one that comes once the pruning ended is dropped.
            if (!done)
            {
                Progress = p;
                changed();
            }
        });
        try
        {
            LastPrune = await pruner.PruneAsync(progress, cancellationToken);
            done = true;
            Problem = LastPrune is null ? "A pruning is already running; try again when it has finished." : null;
            Saved = null;
        }
        finally
        {
            done = true;
            Progress = null;
        }

        Storage = await store.GetStorageAsync(cancellationToken);
    }

    private async Task<bool> SaveAsync(Guid? workflowId, RetentionRule rule, Actor actor, string saved, CancellationToken cancellationToken)
    {
        if (rule.Problem() is { } problem)
        {
            (Problem, Saved) = (problem, null);
            return false;
        }

        await store.SaveRuleAsync(workflowId, rule, actor, cancellationToken);
        (Problem, Saved) = (null, saved + " It applies from the next pruning (every 10 minutes, or Prune now).");
        Settings = await store.GetSettingsAsync(cancellationToken);
        return true;
    }
}
