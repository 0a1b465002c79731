using FlowDesigner.Model.Users;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;

namespace FlowDesigner.Web.Components.Account;

/// <summary>The signed-in user's own account: password, two-factor sign-in and personal API tokens.</summary>
public partial class MyAccount
{
    private IReadOnlyList<string> _passwordProblems = [];
    private bool _passwordChanged;
    private TwoFactorState? _twoFactor;
    private IReadOnlyList<string>? _recoveryCodes;
    private string? _codeProblem;
    private string? _newToken;
    private string? _tokenProblem;
    private IReadOnlyList<ApiTokenRecord> _tokens = [];

    [Inject]
    private OwnAccount Account { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "change-password", Name = "Password")]
    private PasswordForm? PostedPassword { get; set; }

    [SupplyParameterFromForm(FormName = "two-factor-on", Name = "Code")]
    private CodeForm? PostedCode { get; set; }

    [SupplyParameterFromForm(FormName = "create-token", Name = "Token")]
    private TokenForm? PostedToken { get; set; }

    [SupplyParameterFromForm(FormName = "revoke-token")]
    private Guid? RevokeId { get; set; }

    private PasswordForm Password => PostedPassword ??= new();

    private CodeForm Code => PostedCode ??= new();

    private TokenForm Token => PostedToken ??= new();

    private CancellationToken Aborted => HttpContext.RequestAborted;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _twoFactor = await Account.TwoFactorAsync(HttpContext.User);
        _tokens = await Account.TokensAsync(HttpContext.User, Aborted);
    }

    private async Task ChangePasswordAsync()
    {
        _passwordProblems = await Account.ChangePasswordAsync(HttpContext.User, Password.Current, Password.Next, Aborted);
        _passwordChanged = _passwordProblems.Count == 0;
    }

    private async Task EnableTwoFactorAsync()
    {
        _recoveryCodes = await Account.EnableTwoFactorAsync(HttpContext.User, Code.Code, Aborted);
        _codeProblem = _recoveryCodes is null ? "That code is not the one the app shows now. Check the key was added, and enter the current code." : null;
        await LoadAsync();
    }

    private async Task DisableTwoFactorAsync()
    {
        await Account.DisableTwoFactorAsync(HttpContext.User, Aborted);
        await LoadAsync();
    }

    private async Task CreateTokenAsync()
    {
        try
        {
            var (_, value) = await Account.CreateTokenAsync(HttpContext.User, Token.Name, Token.ExpiresInDays, Aborted);
            _newToken = value;
            PostedToken = new TokenForm();
        }
        catch (ArgumentException exception)
        {
            _tokenProblem = exception.Message.Split(" (Parameter", 2)[0];
        }

        await LoadAsync();
    }

    private async Task RevokeTokenAsync()
    {
        if (RevokeId is { } id)
        {
            await Account.RevokeTokenAsync(HttpContext.User, id, Aborted);
        }

        await LoadAsync();
    }
}
