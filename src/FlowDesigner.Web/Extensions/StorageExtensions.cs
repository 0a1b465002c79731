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
        var options = ReadStorageOptions(builder.Configuration);
        builder.Services.AddFlowDesignerPersistence(options);
        builder.Services.AddHostedService<StorageStartup>();
        builder.Services.AddHostedService<StepHistoryStartup>();
        var protection = builder.Services.AddDataProtection().SetApplicationName("FlowDesigner");
        if (options.KeysInDatabase)
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

    /// <summary>The <c>Storage</c> section of the settings.</summary>
    public static StorageOptions ReadStorageOptions(IConfiguration configuration) =>
        configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
}
