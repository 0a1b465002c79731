using FlowDesigner.Persistence;

namespace FlowDesigner.Engine.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="RunHolderTests"/>, on PostgreSQL.</summary>
public sealed class RunHolderTestsOnPostgreSql : RunHolderTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
