using FlowDesigner.Persistence;
using Xunit.Abstractions;

namespace FlowDesigner.Engine.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="RetentionTests"/>, on PostgreSQL.</summary>
public sealed class RetentionTestsOnPostgreSql(ITestOutputHelper output) : RetentionTests(output)
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
