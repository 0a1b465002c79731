using FlowDesigner.Persistence;

namespace FlowDesigner.Engine.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="RunTitleTests"/>, on PostgreSQL.</summary>
public sealed class RunTitleTestsOnPostgreSql : RunTitleTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
