using FlowDesigner.Persistence;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace FlowDesigner.Web.Extensions;

public static class AccountExtensions
{
    /// <summary>
    /// Accounts on the product's database, cookie sign-in for pages and personal tokens for <c>/api</c>, the role
    /// policies every page, endpoint and action names, and the owner created from the settings of an unattended install.
    /// </summary>
    public static WebApplicationBuilder AddFlowDesignerAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddFlowDesignerAccounts()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<UserPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.Configure<IdentityOptions>(options => options.SignIn.RequireConfirmedAccount = true); // confirmed = not disabled
        services.AddScoped<IUserConfirmation<UserEntity>, EnabledUsers>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(Access.TokenScheme, null);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "fd.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the product is served over HTTPS
            options.LoginPath = "/sign-in";
            options.LogoutPath = "/sign-out";
            options.AccessDeniedPath = "/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
        });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization(Access.AddPolicies);
        services.AddCascadingAuthenticationState();

        services.AddScoped<UserAccounts>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<OwnerSetUp>();
        services.AddScoped<OwnAccount>();
        services.AddSingleton<OwnerGate>();
        services.Configure<OwnerOptions>(builder.Configuration.GetSection(OwnerOptions.Section));
        services.AddSingleton<OwnerStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<OwnerStartup>());
        return builder;
    }
}
