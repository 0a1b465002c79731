using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Web.Operating;

/// <summary>
/// The run page's state: the run with its named steps, its timeline (zoom and the page of a large loop's items), the
/// selected step, and the operator's actions on it (retry from the failed steps, replay, cancel).
/// </summary>
public sealed class RunPageState(RunReader reader, RunMending mending, RunCommands commands, TimeProvider clock)
{
    private static readonly int[] Zooms = [1, 2, 4, 8, 16];

    public RunDetails? Details { get; private set; }

    public Timeline? Timeline { get; private set; }

    public bool Loaded { get; private set; }

    public long? SelectedStepId { get; private set; }

    public StepDetail? Selected => Details?.Steps.FirstOrDefault(s => s.Id == SelectedStepId);

    /// <summary>How many times wider than the page the timeline is drawn.</summary>
    public int Zoom { get; private set; } = 1;

    public int ItemPage { get; private set; }

    /// <summary>What the last action said when it could not be done.</summary>
    public string? Problem { get; private set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public bool MayRetry => Details?.Run.Status == RunStatus.Failed;

    public bool MayCancel => Details?.Run is { IsTerminal: false };

    public bool MayReplay => Details?.Run is { IsTerminal: true };

    public async Task LoadAsync(Guid runId, CancellationToken cancellationToken)
    {
        if (Details?.Run.Id != runId)
        {
            // Another run (one just retried, say): what was picked on the last one does not carry over.
            (SelectedStepId, ItemPage, Problem) = (null, 0, null);
        }

        Details = await reader.FindAsync(runId, cancellationToken);
        Loaded = true;
        if (Details is not null)
        {
            // The failing step is what an operator comes for: it is selected until they pick another.
            SelectedStepId ??= Details.Steps.LastOrDefault(s => s.Status == StepStatus.Failed)?.Id;
            Layout();
        }
    }

    public void Select(long stepId) => SelectedStepId = stepId;

    public void ZoomIn() => SetZoom(+1);

    public void ZoomOut() => SetZoom(-1);

    public void ShowItemPage(int page)
    {
        ItemPage = page;
        Layout();
    }

    /// <returns>The new run, or null with <see cref="Problem"/> saying why none started.</returns>
    public async Task<Guid?> RetryAsync(Actor actor, CancellationToken cancellationToken) =>
        Started(await mending.RetryAsync(Details!.Run.Id, actor, cancellationToken));

    public async Task<Guid?> ReplayAsync(ReplayVersion version, Actor actor, CancellationToken cancellationToken) =>
        Started(await mending.ReplayAsync(Details!.Run.Id, version, actor, cancellationToken));

    public async Task CancelAsync(Actor actor, CancellationToken cancellationToken)
    {
        await commands.CancelAsync(Details!.Run.Id, actor, cancellationToken);
        await LoadAsync(Details.Run.Id, cancellationToken);
    }

    private Guid? Started(MendResult result)
    {
        Problem = result.Problem;
        return result.RunId;
    }

    private void SetZoom(int step)
    {
        var index = Math.Clamp(Array.IndexOf(Zooms, Zoom) + step, 0, Zooms.Length - 1);
        Zoom = Zooms[index];
    }

    private void Layout() => Timeline = TimelineLayout.Build(Details!.Run, Details.Steps, Now, ItemPage);
}
