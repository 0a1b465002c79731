using FlowDesigner.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlowDesigner.Persistence.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c>, run on this project, build the PostgreSQL model without the web host or a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FlowDbContext>
{
    public FlowDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<FlowDbContext>()
        .UseNpgsql("Host=localhost;Database=flowdesigner", npgsql => npgsql.MigrationsAssembly(PersistenceServiceCollectionExtensions.PostgreSqlMigrations))
        .Options);
}
