using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace FlowDesigner.Web.Components.Workflows;

/// <summary>Asks for a workflow's name; Enter submits, Escape cancels.</summary>
public partial class NameDialog
{
    private MudForm? _form;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The name the field starts with. Default empty.</summary>
    [Parameter]
    public string Name { get; set; } = "";

    /// <summary>The label of the confirming button. Default "Save".</summary>
    [Parameter]
    public string SubmitText { get; set; } = "Save";

    /// <summary>Shows the dialog; returns the trimmed name, or null when cancelled.</summary>
    public static async Task<string?> AskAsync(IDialogService dialogs, string title, string submitText, string initialName)
    {
        var parameters = new DialogParameters<NameDialog>
        {
            { d => d.Name, initialName },
            { d => d.SubmitText, submitText },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true };
        var dialog = await dialogs.ShowAsync<NameDialog>(title, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string name } ? name : null;
    }

    private static string? Check(string? value) => string.IsNullOrWhiteSpace(value) ? "Give the workflow a name." : null;

    private async Task SubmitOnEnterAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SubmitAsync();
        }
    }

    private async Task SubmitAsync()
    {
        if (_form is not null)
        {
            await _form.ValidateAsync();
        }

        if (Check(Name) is null)
        {
            Dialog.Close(DialogResult.Ok(Name.Trim()));
        }
    }

    private void Cancel() => Dialog.Cancel();
}
