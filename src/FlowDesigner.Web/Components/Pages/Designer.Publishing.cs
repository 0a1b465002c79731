using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Users;
using FlowDesigner.Model.Validation;
using FlowDesigner.Web.Components.Designer;
using FlowDesigner.Web.Components.Workflows;
using FlowDesigner.Web.Designing;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>Saving, test runs, publishing and versions, from the designer.</summary>
public sealed partial class Designer
{
    [Inject]
    private FlowDesigner.Engine.Triggers.TriggerSamples Samples { get; set; } = default!;

    [Inject]
    private WorkflowActions Actions { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private Task ToggleVersionsAsync() => State.Versions.ToggleAsync(Id, CancellationToken.None);

    /// <summary>Run now is offered for a workflow that starts by hand and has an active version.</summary>
    private bool CanRunNow => State.ActiveVersionNumber is not null && State.Current.Nodes.Any(n => n.Type == Model.Descriptors.CoreNodeTypes.Manual);

    private string PublishStateHint => State.PublishState switch
    {
        Model.Stores.WorkflowState.Draft => "Never published: the trigger does nothing until you publish.",
        Model.Stores.WorkflowState.Inactive => "Deactivated: no version listens to the trigger. Activate one to start taking events again.",
        Model.Stores.WorkflowState.Changed => $"v{State.ActiveVersionNumber} is active and runs new events; the saved draft has changed since. Publish to make it v{(State.Versions.All.FirstOrDefault()?.Number ?? 0) + 1}.",
        _ => $"v{State.ActiveVersionNumber} is active: new events run it.",
    };

    private async Task RunNowAsync() => await Actions.RunNowAsync(Id, State.Current.Name);

    private async Task DeactivateWorkflowAsync()
    {
        if (await Actions.DeactivateAsync(Id, State.Current.Name))
        {
            await State.RefreshPublishStateAsync(CancellationToken.None);
        }
    }

    private async Task ActivateLatestAsync()
    {
        if (await Actions.ActivateAsync(Id, State.Current.Name))
        {
            await State.RefreshPublishStateAsync(CancellationToken.None);
        }
    }

    /// <summary>The workflow is gone: the message stays, with the way back, since nothing here can be saved.</summary>
    private void TellDeleted() => Snackbar.Add(Deleted, Severity.Error, o =>
    {
        o.RequireInteraction = true;
        o.Action = "Back to workflows";
        o.OnClick = _ =>
        {
            Navigation.NavigateTo("workflows");
            return Task.CompletedTask;
        };
    });

    private Task ViewAsync(FlowDesigner.Model.Stores.VersionRecord version)
    {
        State.Viewing = version;
        Draw();
        _fitPending = true;
        return Task.CompletedTask;
    }

    private Task BackToDraftAsync()
    {
        State.Viewing = null;
        Draw();
        return Task.CompletedTask;
    }

    /// <summary>Puts a version's graph back as the draft, as an edit that can be undone (and must be saved).</summary>
    private Task RestoreAsync(FlowDesigner.Model.Stores.VersionRecord version)
    {
        State.Viewing = null;
        Apply(version.Definition with { Name = State.Current.Name }, $"Restore v{version.Number}");
        Snackbar.Add($"The draft is now v{version.Number}'s graph. Save to keep it.", Severity.Info);
        return Task.CompletedTask;
    }

    private async Task ActivateAsync(FlowDesigner.Model.Stores.VersionRecord version)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Make v{version.Number} active?",
            $"New events will run v{version.Number} instead of the version active now. Runs under way finish on the version they started on. The draft is not changed.",
            yesText: $"Make v{version.Number} active", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        PublishResult result;
        try
        {
            result = await State.Versions.ActivateAsync(Id, version.Id, await User.RequireAsync(Role.Designer), CancellationToken.None);
        }
        catch (FlowDesigner.Model.Stores.WorkflowNotFoundException)
        {
            TellDeleted();
            return;
        }

        if (result.Published)
        {
            await State.RefreshPublishStateAsync(CancellationToken.None);
            Snackbar.Add($"v{version.Number} is the active version now", Severity.Success);
        }
        else
        {
            Snackbar.Add(string.Join(" ", result.Issues.Select(i => i.Message)), Severity.Error);
        }
    }

    /// <summary>Runs the draft with a sample payload (the one pinned to the workflow), then shows how each node did.</summary>
    private async Task TestRunAsync()
    {
        var sample = State.SamplePayload;
        var draft = State.Current;
        var parameters = new DialogParameters<TestRunDialog>
        {
            { d => d.Payload, sample ?? DefaultSample() },
            { d => d.FetchExample, Samples.CanFetch(draft) ? () => Samples.FetchAsync(draft, CancellationToken.None) : null },
        };
        var dialog = await Dialogs.ShowAsync<TestRunDialog>("Test run", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string payload })
        {
            return;
        }

        TestRunResult result;
        try
        {
            var running = State.TestRun.RunAsync(Id, State.Current, payload, await User.RequireAsync(Role.Designer), CancellationToken.None);
            StateHasChanged(); // shows "Running…" while it runs
            result = await running;
            State.SamplePayload = payload;
        }
        catch (FlowDesigner.Model.Stores.WorkflowNotFoundException)
        {
            TellDeleted();
            return;
        }
        catch (ArgumentException exception)
        {
            Snackbar.Add(exception.Message, Severity.Error);
            return;
        }

        _problemsOpen |= result.Issues.Count > 0;
        Draw();
        var (message, severity) = result switch
        {
            { Issues.Count: > 0 } => ("The draft cannot run yet: fix the problems listed in the problems bar.", Severity.Warning),
            { Status: Model.Runs.RunStatus.Succeeded } => ("Test run succeeded. Select a node to see its input and output.", Severity.Success),
            { Status: Model.Runs.RunStatus.Failed, Error: var error } => ($"Test run failed: {error}", Severity.Error),
            { Stopped: var stopped } => ($"Test run stopped. {stopped}", Severity.Info),
        };
        Snackbar.Add(message, severity);
    }

    private const string Deleted = DesignerState.Deleted;

    private string DefaultSample() =>
        State.Current.Nodes.Any(n => n.Type == CoreNodeTypes.Webhook)
            ? "{\n  \"method\": \"POST\",\n  \"headers\": {},\n  \"query\": {},\n  \"body\": {}\n}"
            : "{}";

    /// <summary>Saves the draft if needed, asks for a note, and publishes; refused with the problems listed when incomplete.</summary>
    private async Task PublishAsync()
    {
        if (State.Dirty)
        {
            await SaveAsync(quietly: false);
            if (State.Dirty)
            {
                return; // not saved: the snackbar said why
            }
        }

        IReadOnlyList<ValidationIssue> warnings;
        try
        {
            warnings = await State.Versions.WarningsAsync(Id, CancellationToken.None);
        }
        catch (FlowDesigner.Model.Stores.WorkflowNotFoundException)
        {
            TellDeleted();
            return;
        }

        var dialog = await Dialogs.ShowAsync<PublishDialog>(
            "Publish", new DialogParameters<PublishDialog> { { d => d.Warnings, warnings } }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string note })
        {
            return;
        }

        PublishResult result;
        try
        {
            result = await State.Versions.PublishAsync(Id, note, await User.RequireAsync(Role.Designer), CancellationToken.None);
        }
        catch (FlowDesigner.Model.Stores.WorkflowNotFoundException)
        {
            TellDeleted();
            return;
        }

        if (result.Published)
        {
            await State.RefreshPublishStateAsync(CancellationToken.None);
            Snackbar.Add($"Published as v{result.Version.Number}", Severity.Success);
        }
        else
        {
            _problemsOpen = true;
            Snackbar.Add($"Not published: {result.Issues.Count} problem(s) to fix first, listed in the problems bar.", Severity.Error);
        }
    }

    private Task ShowShortcutsAsync() =>
        Dialogs.ShowAsync<ShortcutsDialog>("Keyboard shortcuts", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });

    /// <summary>Leaving with unsaved changes asks first (a link in the app; the browser asks for reloads and closing).</summary>
    private async Task ConfirmLeavingAsync(Microsoft.AspNetCore.Components.Routing.LocationChangingContext context)
    {
        if (!State.Dirty)
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync(
            "Leave without saving?",
            "This workflow has changes that are not saved. If you leave now, they are lost.",
            yesText: "Leave without saving", cancelText: "Stay");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }

    private Task SaveAsync() => SaveAsync(quietly: false);

    /// <param name="quietly">An autosave: says nothing when it worked, and does not save a draft with structure problems.</param>
    private async Task SaveAsync(bool quietly)
    {
        var outcome = await State.SaveAsync(await User.RequireAsync(Role.Designer), quietly, CancellationToken.None);
        if (outcome.Message is { } message)
        {
            if (message == Deleted)
            {
                TellDeleted();
            }
            else if (outcome.Sticky)
            {
                // Someone else saved meanwhile: the message stays, with the way to their version (leaving asks about these edits).
                Snackbar.Add(message, Severity.Error, o =>
                {
                    o.RequireInteraction = true;
                    o.Action = "Reload";
                    o.OnClick = _ =>
                    {
                        Navigation.NavigateTo(Navigation.Uri, forceLoad: true);
                        return Task.CompletedTask;
                    };
                });
            }
            else
            {
                Snackbar.Add(message, outcome.Succeeded ? Severity.Success : Severity.Error);
            }
        }

        StateHasChanged();
    }
}
