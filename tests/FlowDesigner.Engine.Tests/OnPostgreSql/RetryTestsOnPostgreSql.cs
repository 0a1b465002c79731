using FlowDesigner.Persistence;

namespace FlowDesigner.Engine.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="RetryTests"/>, on PostgreSQL.</summary>
public sealed class RetryTestsOnPostgreSql : RetryTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
