using FlowDesigner.Model.Users;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Stores;
using FlowDesigner.Web.Components.Shared;
using FlowDesigner.Web.Security;
using MudBlazor;

namespace FlowDesigner.Web.Components.Workflows;

/// <summary>
/// Deactivate, activate and Run now, with their confirmations and messages: the same behaviour in the workflow list
/// and in the designer.
/// </summary>
public sealed class WorkflowActions(PublishService publisher, ManualRuns manualRuns, IDialogService dialogs, ISnackbar snackbar, CurrentUser user)
{
    /// <returns>Whether the workflow was deactivated.</returns>
    public async Task<bool> DeactivateAsync(Guid workflowId, string name)
    {
        if (!await ConfirmDialog.AskAsync(dialogs, $"Deactivate '{name}'?",
                "Its trigger stops: new events no longer start runs. Runs under way finish. Its versions are kept, and you can activate it again.", "Deactivate"))
        {
            return false;
        }

        try
        {
            var done = await publisher.DeactivateAsync(workflowId, await user.RequireAsync(Role.Designer), CancellationToken.None);
            snackbar.Add(done ? $"'{name}' is deactivated: its trigger no longer starts runs." : $"'{name}' was not active.", done ? Severity.Success : Severity.Info);
            return done;
        }
        catch (WorkflowNotFoundException)
        {
            snackbar.Add($"'{name}' was deleted meanwhile.", Severity.Warning);
            return false;
        }
    }

    /// <summary>Makes the newest version active again.</summary>
    /// <returns>Whether it is active now.</returns>
    public async Task<bool> ActivateAsync(Guid workflowId, string name)
    {
        try
        {
            var result = await publisher.ActivateLatestAsync(workflowId, await user.RequireAsync(Role.Designer), CancellationToken.None);
            if (result.Published)
            {
                snackbar.Add($"'{name}' is active again on v{result.Version.Number}.", Severity.Success);
                return true;
            }

            snackbar.Add($"'{name}' was not activated: {string.Join(" ", result.Issues.Select(i => i.Message))}", Severity.Error);
            return false;
        }
        catch (WorkflowNotFoundException)
        {
            snackbar.Add($"'{name}' was deleted meanwhile, or was never published.", Severity.Warning);
            return false;
        }
    }

    /// <summary>Asks for the payload and starts a run of the active version.</summary>
    /// <returns>The run started, or null.</returns>
    public async Task<Guid?> RunNowAsync(Guid workflowId, string name)
    {
        var payload = await RunNowDialog.AskAsync(dialogs, name, await manualRuns.SamplePayloadAsync(workflowId, CancellationToken.None));
        if (payload is not { } given)
        {
            return null;
        }

        var result = await manualRuns.StartAsync(workflowId, given, await user.RequireAsync(Role.Operator), CancellationToken.None);
        snackbar.Add(result.Problem ?? $"'{name}' is running (run {result.RunId}).", result.Problem is null ? Severity.Success : Severity.Error);
        return result.RunId;
    }
}
