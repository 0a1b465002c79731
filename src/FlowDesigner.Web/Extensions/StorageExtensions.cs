using FlowDesigner.Persistence;
using FlowDesigner.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowDesigner.Web.Extensions;

public static class StorageExtensions
{
    /// <summary>The database and the Data Protection keys under the data folder, made ready before the host starts.</summary>
    public static WebApplicationBuilder AddFlowDesignerStorage(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddFlowDesignerPersistence(options);
        builder.Services.AddHostedService<StorageStartup>();
        builder.Services.AddHostedService<StepHistoryStartup>();
        var protection = builder.Services.AddDataProtection().SetApplicationName("FlowDesigner");
        if (string.Equals(options.KeyStore, "database", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<FlowDbContext>>().CreateDbContext());
            protection.PersistKeysToDbContext<FlowDbContext>();
        }
        else
        {
            protection.PersistKeysToFileSystem(KeysFolder.Prepare(options.KeysFolderPath));
        }

        return builder;
    }
}
