using System.ComponentModel.DataAnnotations;

namespace FlowDesigner.Web.Components.Account;

/// <summary>What the new-token form posts: a name saying what uses the token, and how many days it lasts (0: until revoked).</summary>
public sealed class TokenForm
{
    [Required(ErrorMessage = "Name the token after what uses it, such as 'deploy script'.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    public int ExpiresInDays { get; set; } = 90;
}
