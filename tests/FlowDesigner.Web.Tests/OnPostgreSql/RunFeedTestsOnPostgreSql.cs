using FlowDesigner.Persistence;

namespace FlowDesigner.Web.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="RunFeedTests"/>, on a host on PostgreSQL.</summary>
public sealed class RunFeedTestsOnPostgreSql() : RunFeedTests(StorageProvider.PostgreSql);
