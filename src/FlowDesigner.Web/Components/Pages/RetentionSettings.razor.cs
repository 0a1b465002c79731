using FlowDesigner.Model.Users;
using FlowDesigner.Web.Components.Shared;
using FlowDesigner.Web.Operating;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>Retention rules and the storage panel, for admins: a view over <see cref="RetentionState"/>.</summary>
public partial class RetentionSettings : IDisposable
{
    private readonly CancellationTokenSource _closing = new();

    [Inject]
    private RetentionState State { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override Task OnInitializedAsync() => State.LoadAsync(_closing.Token);

    private async Task SaveGlobalAsync() => await State.SaveGlobalAsync(await User.RequireAsync(Role.Admin), _closing.Token);

    private async Task AddAsync() => await State.AddWorkflowRuleAsync(await User.RequireAsync(Role.Admin), _closing.Token);

    private async Task RemoveAsync(Guid workflowId) => await State.RemoveWorkflowRuleAsync(workflowId, await User.RequireAsync(Role.Admin), _closing.Token);

    private async Task PruneNowAsync()
    {
        var confirm = await Dialogs.ShowAsync<ConfirmDialog>("Prune now", new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, "Prune run history now?" },
            { d => d.Message, "Every ended run past the rules is deleted for good, with its steps and the events no other run refers to. Runs in flight are kept." },
            { d => d.ConfirmText, "Prune" },
        });
        if ((await confirm.Result) is not { Canceled: false })
        {
            return;
        }

        await User.RequireAsync(Role.Admin);
        await State.PruneNowAsync(() => InvokeAsync(StateHasChanged), _closing.Token);
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
