using FlowDesigner.Persistence;
using FlowDesigner.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace FlowDesigner.Web.Extensions;

public static class StorageExtensions
{
    /// <summary>The database and the Data Protection keys under the data folder, made ready before the host starts.</summary>
    public static WebApplicationBuilder AddFlowDesignerStorage(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddFlowDesignerPersistence(options);
        builder.Services.AddHostedService<StorageStartup>();
        builder.Services.AddDataProtection()
            .SetApplicationName("FlowDesigner")
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeysFolderPath));
        return builder;
    }
}
