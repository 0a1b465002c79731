using FlowDesigner.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowDesigner.Persistence;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>ASP.NET Core Identity's user manager on the product's database: passwords, lockout, two-factor.</summary>
    public static IdentityBuilder AddFlowDesignerAccounts(this IServiceCollection services)
    {
        services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<FlowDbContext>>().CreateDbContext());
        return services.AddIdentityCore<UserEntity>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<FlowDbContext>();
    }
}
