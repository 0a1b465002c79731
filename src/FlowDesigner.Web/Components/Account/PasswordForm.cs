using System.ComponentModel.DataAnnotations;

namespace FlowDesigner.Web.Components.Account;

/// <summary>What the change-password form posts.</summary>
public sealed class PasswordForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    public string Current { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password of at least 12 characters.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Choose a new password of at least 12 characters.")]
    public string Next { get; set; } = "";

    [Compare(nameof(Next), ErrorMessage = "The two new passwords differ.")]
    public string Confirm { get; set; } = "";
}
