using System.ComponentModel.DataAnnotations;

namespace FlowDesigner.Web.Components.Account;

/// <summary>What the one-time set-up form posts: the owner's account.</summary>
public sealed class SetUpForm
{
    [Required(ErrorMessage = "Enter your name, as others will see it in the audit log.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter your email; you sign in with it.")]
    [EmailAddress(ErrorMessage = "Enter an email address, such as ann@example.com.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password of at least 12 characters.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Choose a password of at least 12 characters.")]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string Confirm { get; set; } = "";
}
