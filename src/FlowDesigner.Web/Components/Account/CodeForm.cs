using System.ComponentModel.DataAnnotations;

namespace FlowDesigner.Web.Components.Account;

/// <summary>A code from an authenticator app: what the second sign-in step and turning two-factor on post.</summary>
public sealed class CodeForm
{
    [Required(ErrorMessage = "Enter the 6-digit code your authenticator app shows.")]
    [StringLength(12, MinimumLength = 6, ErrorMessage = "The code has 6 digits.")]
    public string Code { get; set; } = "";
}
