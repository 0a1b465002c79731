using FlowDesigner.Persistence;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace FlowDesigner.Web.Extensions;

public static class AccountExtensions
{
    /// <summary>The accounts on the product's database, and the owner created from the settings of an unattended install.</summary>
    public static WebApplicationBuilder AddFlowDesignerAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddFlowDesignerAccounts().AddDefaultTokenProviders();
        builder.Services.AddScoped<UserAccounts>();
        builder.Services.Configure<OwnerOptions>(builder.Configuration.GetSection(OwnerOptions.Section));
        builder.Services.AddHostedService<OwnerStartup>();
        return builder;
    }
}
