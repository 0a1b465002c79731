using Hangfire.Logging;

namespace FlowDesigner.Testing;

/// <summary>
/// Hangfire keeps its log provider in a static; after a host is disposed it would point at a disposed logger factory.
/// Tests reset it to this one, which writes nothing.
/// </summary>
public sealed class QuietHangfireLog : ILogProvider, ILog
{
    public static void Install() => LogProvider.SetCurrentLogProvider(new QuietHangfireLog());

    public ILog GetLogger(string name) => this;

    public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
}
