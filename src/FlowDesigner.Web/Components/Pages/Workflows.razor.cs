using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Users;
using FlowDesigner.Web.Components.Shared;
using FlowDesigner.Web.Components.Workflows;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>The designers' home: every workflow, paged on the server, with create, rename, duplicate, delete, import and export.</summary>
public partial class Workflows
{
    private MudTable<WorkflowSummary>? _table;
    private string? _search;
    private bool _busy;
    private bool _loading;
    private bool _ready; // set once the interactive table has loaded its first page
    private bool _mayDesign; // an Operator sees the list and runs; building is for Designers and Admins

    [Inject]
    private WorkflowService Service { get; set; } = default!;

    [Inject]
    private NodeCatalog Catalog { get; set; } = default!;

    [Inject]
    private WorkflowActions Actions { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<Workflows> Logger { get; set; } = default!;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override async Task OnInitializedAsync()
    {
        _mayDesign = await User.MayAsync(Role.Designer);
        if (!_mayDesign && Navigation.ToBaseRelativePath(Navigation.Uri).Length == 0)
        {
            // The home page: designers build from the workflows, operators start from the dashboard.
            Navigation.NavigateTo("dashboard", replace: true);
        }
    }

    private async Task<TableData<WorkflowSummary>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var sort = Enum.TryParse<WorkflowSort>(state.SortLabel, out var label) ? label : WorkflowSort.UpdatedAt;
        var descending = state.SortDirection == SortDirection.Descending || (state.SortDirection == SortDirection.None && sort == WorkflowSort.UpdatedAt);
        var query = new WorkflowQuery(_search, state.Page * state.PageSize, state.PageSize) { Sort = sort, Descending = descending };
        var page = await Service.ListAsync(query, cancellationToken);
        if (!_ready)
        {
            _ready = true;
            StateHasChanged();
        }

        return new TableData<WorkflowSummary> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task SearchAsync(string? text)
    {
        _search = text;
        await ReloadAsync();
    }

    /// <summary>Asks for a name, creates the workflow, and opens it in the designer to build it.</summary>
    private async Task CreateAsync()
    {
        var name = await NameDialog.AskAsync(Dialogs, "New workflow", "Create", "");
        if (name is null)
        {
            return;
        }

        WorkflowRecord? created = null;
        await RunAsync(async () => created = await Service.CreateAsync(name, await User.RequireAsync(Role.Designer), CancellationToken.None), reload: false);
        if (created is not null)
        {
            Navigation.NavigateTo($"workflows/{created.Id}");
        }
    }

    /// <summary>Creates the drafts of a template the user picks, then opens the first in the designer.</summary>
    private async Task CreateFromTemplateAsync()
    {
        var dialog = await Dialogs.ShowAsync<TemplateDialog>("New from template", new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
        if (await dialog.Result is not { Canceled: false, Data: string key })
        {
            return;
        }

        IReadOnlyList<WorkflowRecord> created = [];
        await RunAsync(async () => created = await Service.CreateFromTemplateAsync(key, await User.RequireAsync(Role.Designer), CancellationToken.None), reload: false);
        if (created.Count > 0)
        {
            // Said on the designer it opens, where the next step is taken (messages stay on their page).
            Navigation.NavigateTo($"workflows/{created[0].Id}");
            Snackbar.Add($"Created {created.Count} draft(s) from the template. Pick a credential on each vendor's node, then publish.", Severity.Success);
        }
    }

    private async Task RenameAsync(WorkflowSummary workflow)
    {
        var name = await NameDialog.AskAsync(Dialogs, $"Rename '{workflow.Name}'", "Rename", workflow.Name);
        if (name is not null && name != workflow.Name)
        {
            await RunAsync(async () =>
            {
                await Service.RenameAsync(workflow.Id, name, await User.RequireAsync(Role.Designer), CancellationToken.None);
                Snackbar.Add($"Renamed to '{name}'.", Severity.Success);
            });
        }
    }

    private Task DuplicateAsync(WorkflowSummary workflow) => RunAsync(async () =>
    {
        var copy = await Service.DuplicateAsync(workflow.Id, await User.RequireAsync(Role.Designer), CancellationToken.None);
        Snackbar.Add($"Created '{copy.Name}'.", Severity.Success);
    });

    private Task ExportAsync(WorkflowSummary workflow) => RunAsync(async () =>
    {
        await User.RequireAsync(Role.Designer); // exporting is building's, by the policy table
        var export = await Service.ExportAsync(workflow.Id, CancellationToken.None);
        await Js.InvokeVoidAsync("flowDesigner.downloadText", export.FileName, "application/json", export.Json);
    }, reload: false);

    private async Task DeactivateAsync(WorkflowSummary workflow)
    {
        if (await Actions.DeactivateAsync(workflow.Id, workflow.Name))
        {
            await ReloadAsync();
        }
    }

    private async Task ActivateAsync(WorkflowSummary workflow)
    {
        if (await Actions.ActivateAsync(workflow.Id, workflow.Name))
        {
            await ReloadAsync();
        }
    }

    private async Task RunNowAsync(WorkflowSummary workflow)
    {
        await Actions.RunNowAsync(workflow.Id, workflow.Name);
        await ReloadAsync(); // its last run, or a state changed elsewhere that refused it
    }

    private async Task DeleteAsync(WorkflowSummary workflow)
    {
        var impact = await Service.GetDeletionImpactAsync(workflow.Id, CancellationToken.None);
        if (impact is null)
        {
            Snackbar.Add($"'{workflow.Name}' was already deleted.", Severity.Info);
            await ReloadAsync();
            return;
        }

        if (await ConfirmDialog.AskAsync(Dialogs, $"Delete '{impact.Name}'?", DeletionText.Describe(impact), "Delete"))
        {
            await RunAsync(async () =>
            {
                await Service.DeleteAsync(workflow.Id, await User.RequireAsync(Role.Designer), CancellationToken.None);
                Snackbar.Add($"Deleted '{impact.Name}'.", Severity.Success);
            });
        }
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        if (file.Size > WorkflowService.MaxImportLength)
        {
            await ImportProblemsDialog.ShowAsync(Dialogs, file.Name,
                [$"The file is {file.Size / 1024.0 / 1024.0:0.0} MB; a workflow file may be at most {WorkflowService.MaxImportLength / 1024 / 1024} MB."]);
            return;
        }

        // Read the file first: the upload control replaces its input after a selection.
        string json;
        using (var reader = new StreamReader(file.OpenReadStream(WorkflowService.MaxImportLength)))
        {
            json = await reader.ReadToEndAsync();
        }

        await RunAsync(async () =>
        {
            var result = await Service.ImportAsync(json, await User.RequireAsync(Role.Designer), CancellationToken.None);
            if (!result.Succeeded)
            {
                await ImportProblemsDialog.ShowAsync(Dialogs, file.Name, result.Problems);
                return;
            }

            var message = result.Warnings.Count == 0
                ? $"Imported '{result.Workflow.Name}'."
                : $"Imported '{result.Workflow.Name}'. It needs {result.Warnings.Count} more setting(s) before it can be published.";
            Snackbar.Add(message, result.Warnings.Count == 0 ? Severity.Success : Severity.Warning);
        });
    }

    /// <summary>
    /// Starts a row action once its menu has closed; the menu would otherwise stay open behind the action's dialog.
    /// </summary>
    private void AfterMenuCloses(Func<Task> action) => _ = InvokeAsync(async () =>
    {
        try
        {
            await action();
        }
        catch (Exception exception)
        {
            Logger.LogError(exception, "A workflow action failed");
            Snackbar.Add("That did not work: " + exception.Message, Severity.Error);
        }
    });

    private async Task RunAsync(Func<Task> action, bool reload = true)
    {
        _busy = true;
        try
        {
            await action();
        }
        catch (Exception exception) when (exception is WorkflowNotFoundException or WorkflowConflictException or ArgumentException)
        {
            Snackbar.Add(exception.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
            StateHasChanged();
        }

        if (reload)
        {
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        if (_table is not null)
        {
            _loading = true;
            await _table.ReloadServerData();
            _loading = false;
        }
    }
}
