using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Users;
using FlowDesigner.Web.Components.Shared;
using FlowDesigner.Web.Formatting;
using FlowDesigner.Web.Operating;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>The operators' list of runs: a view over <see cref="RunListState"/>, kept live by the feed of run changes while it is open.</summary>
public partial class Runs : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private IDisposable? _listening;

    [Inject]
    private RunListState State { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private RunFeed Feed { get; set; } = default!;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override async Task OnInitializedAsync() => await State.OpenAsync(Navigation.Uri, _closing.Token);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _listening = Feed.Listen(changed =>
            {
                _ = InvokeAsync(() => TakeAsync(changed));
                return Task.CompletedTask;
            });
        }
    }

    /// <summary>Takes in what the feed says changed, on the page's own thread; a render happens only when something shown changed.</summary>
    private async Task TakeAsync(IReadOnlySet<Guid> changed)
    {
        try
        {
            if (State.BulkProgress is null && await State.ApplyAsync(changed, _closing.Token))
            {
                StateHasChanged();
            }
        }
        catch (OperationCanceledException)
        {
            // the page closed
        }
    }

    private async Task FilterAsync(Action set)
    {
        set();
        Navigation.NavigateTo(State.Address(), forceLoad: false, replace: true);
        await State.ReloadAsync(_closing.Token);
    }

    private Task LoadOlderAsync() => State.LoadOlderAsync(_closing.Token);

    private void Open(Guid runId) => Navigation.NavigateTo(RunLinks.Of(runId));

    private async Task RetryFailedAsync()
    {
        var confirm = await Dialogs.ShowAsync<ConfirmDialog>("Retry failed runs", new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, "Retry every failed run these filters select?" },
            { d => d.Message, "Each failed run is run again from its failed steps, on the version it ran; the steps that succeeded are not run again. Runs retried before are left as they are." },
            { d => d.ConfirmText, "Retry" },
        });
        if ((await confirm.Result) is not { Canceled: false })
        {
            return;
        }

        var actor = await User.RequireAsync(Role.Operator);
        await State.RetryFailedAsync(actor, () => InvokeAsync(StateHasChanged), _closing.Token);
    }

    private static string ShortId(Guid id) => id.ToString()[..8];

    private static string CauseName(RunCause cause) => cause switch
    {
        RunCause.SubWorkflow => "Sub-workflow",
        _ => cause.ToString(),
    };

    public void Dispose()
    {
        _listening?.Dispose();
        _closing.Cancel();
        _closing.Dispose();
    }
}
