using System.ComponentModel.DataAnnotations;

namespace FlowDesigner.Web.Components.Account;

/// <summary>What the sign-in form posts.</summary>
public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";
}
