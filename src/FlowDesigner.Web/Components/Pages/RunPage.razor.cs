using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Users;
using FlowDesigner.Web.Components.Shared;
using FlowDesigner.Web.Formatting;
using FlowDesigner.Web.Operating;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>
/// A run for its operator: a view over <see cref="RunPageState"/>, read again when the feed of run changes names it
/// (it started, waits, ended), and every two seconds while it runs, for the steps it takes meanwhile.
/// </summary>
public partial class RunPage : IDisposable
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _closing = new();
    private IDisposable? _listening;
    private PeriodicTimer? _progress;
    private bool _busy;

    /// <summary>The run shown, from the address.</summary>
    [Parameter]
    public Guid RunId { get; set; }

    [Inject]
    private RunPageState State { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private RunFeed Feed { get; set; } = default!;

    protected override Task OnParametersSetAsync() => State.LoadAsync(RunId, _closing.Token);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _listening = Feed.Listen(changed =>
            {
                if (changed.Contains(RunId))
                {
                    _ = InvokeAsync(ReloadAsync);
                }

                return Task.CompletedTask;
            });
            _progress = new PeriodicTimer(ProgressEvery);
            _ = FollowProgressAsync(_progress);
        }
    }

    private async Task FollowProgressAsync(PeriodicTimer timer)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token))
            {
                if (State.Details?.Run is { IsTerminal: false })
                {
                    await InvokeAsync(ReloadAsync);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the page closed
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            await State.LoadAsync(RunId, _closing.Token);
            StateHasChanged();
        }
        catch (OperationCanceledException)
        {
            // the page closed
        }
    }

    private static List<BreadcrumbItem> Crumbs(RunDetails details) =>
    [
        new("Runs", "runs"),
        new(details.WorkflowName ?? "Workflow", RunLinks.OfWorkflow(details.Run.WorkflowId)),
        new(details.Run.Id.ToString()[..8], null, disabled: true),
    ];

    private Task RetryAsync() => ActAsync(async actor => await State.RetryAsync(actor, _closing.Token));

    private Task ReplayAsync(ReplayVersion version) => ActAsync(async actor => await State.ReplayAsync(version, actor, _closing.Token));

    private async Task CancelAsync()
    {
        var confirm = await Dialogs.ShowAsync<ConfirmDialog>("Cancel run", new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, "Cancel this run?" },
            { d => d.Message, "Its pending and waiting steps will not run; a step running now finishes, and its result is not used. The run can be replayed later." },
            { d => d.ConfirmText, "Cancel run" },
        });
        if ((await confirm.Result) is { Canceled: false })
        {
            await ActAsync(async actor =>
            {
                await State.CancelAsync(actor, _closing.Token);
                return null;
            });
        }
    }

    /// <summary>Runs an action as the signed-in user; a new run it started is opened.</summary>
    private async Task ActAsync(Func<Actor, Task<Guid?>> action)
    {
        _busy = true;
        try
        {
            var actor = await User.RequireAsync(Role.Operator);
            if (await action(actor) is { } started)
            {
                Navigation.NavigateTo(RunLinks.Of(started));
            }
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _listening?.Dispose();
        _closing.Cancel();
        _progress?.Dispose();
        _closing.Dispose();
    }
}
