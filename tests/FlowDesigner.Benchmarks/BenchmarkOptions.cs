namespace FlowDesigner.Benchmarks;

/// <summary>The command line of the load benchmark.</summary>
public sealed record BenchmarkOptions
{
    public int Concurrency { get; init; } = 8;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Long enough for the runtime to finish compiling the hot paths' optimised code, so the window measures the steady state.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary><c>sync</c>, <c>async</c> or <c>both</c>.</summary>
    public string Mode { get; init; } = "both";

    public int Lines { get; init; } = 3;

    /// <summary>
    /// Orders per second in all, sent on a fixed schedule shared among the clients, to see whether the runs keep up
    /// with a steady stream; null: each client sends its next order as soon as it has its answer.
    /// </summary>
    public int? Rate { get; init; }

    /// <summary>The build of the web host to start: Release unless a test asks for the Debug build it already has.</summary>
    public string ProductConfiguration { get; init; } = "Release";

    /// <summary>
    /// Another checkout (the commit before a change, built in the same configuration) whose product runs beside this
    /// one's, the two measured in turn, window after window; null: the usual benchmark.
    /// </summary>
    public string? Against { get; init; }

    /// <summary>Alternating pairs of windows with <see cref="Against"/>.</summary>
    public int Pairs { get; init; } = 5;

    /// <summary>Measure the start-up conversion of a text-format database of this many runs instead; null: the load benchmark.</summary>
    public int? MigrationRuns { get; init; }

    /// <summary>Time the run list's reads through the API on a database of this many runs instead; null: the load benchmark.</summary>
    public int? RunListRuns { get; init; }

    /// <summary>Measure the designer at 150 and 500 nodes in Chromium instead of the load.</summary>
    public bool Designer { get; init; }

    /// <summary>Measure whether the designer's memory comes back after 20 sessions instead of the load.</summary>
    public bool DesignerMemory { get; init; }

    /// <summary>
    /// Measure the sync load on PostgreSQL instead (with SQLite's beside it, back to back): on one node and on
    /// <see cref="Nodes"/> nodes sharing it; null: SQLite only.
    /// </summary>
    public string? Provider { get; init; }

    /// <summary>The most nodes on PostgreSQL that share the load (<see cref="Provider"/>).</summary>
    public int Nodes { get; init; } = 2;

    public bool RunSync => Mode is "sync" or "both";

    public bool RunAsync => Mode is "async" or "both";

    public const string Usage = """
        dotnet run -c Release --project tests/FlowDesigner.Benchmarks -- [options]
          --concurrency N     clients sending at once (default 8)
          --duration S        seconds measured per mode (default 20)
          --warmup S          seconds sent before measuring (default 15)
          --mode M            sync, async or both (default both)
          --lines N           lines per order (default 3)
          --rate R            send R orders a second in all on a fixed schedule (default: as fast as answered);
                              each client waits for its answer, so raise --concurrency if they fall behind
          --quick             a 5-second smoke run: 1 s warm-up, 2 s per mode
          --product-configuration C   the web host build to start (default Release)
          --against PATH      sync CPU per run of this checkout against another (built the same way), their
                              products side by side and measured in turn, one --duration window each
          --pairs N           alternating pairs of windows with --against (default 5)
          --designer          the designer at 150 and 500 nodes in Chromium: time to open, time for a rename to reach the canvas
                              (with --against PATH: that checkout's designer)
          --designer-memory   managed heap and resident memory before and after 20 designer sessions, each after the
                              circuits' retention and a full collection (about ten minutes; uses dotnet-gcdump)
          --migration N       the conversion of a database of N runs in the text format, timed in its two parts:
                              at start-up (runs and events), then the step history in the background
          --run-list N        the run list's reads through the API (first and deep pages, failed runs, a chain,
                              a run, the Workflows list) on a database of N runs written for it
          --provider PostgreSql   the sync load on SQLite, then on PostgreSQL with one node and with --nodes
                              nodes sharing it, back to back: runs/s, latency, CPU ms per run of the product (in
                              all and per node) and of PostgreSQL's server. The server is FLOWDESIGNER_TEST_POSTGRES
                              (tests/postgres.sh starts one); each measurement has a database of its own
          --nodes N           the nodes of the shared measurement (default 2)
          --micro [BenchmarkDotNet args]   the micro-benchmarks of the hot paths instead
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--concurrency" => options with { Concurrency = Positive(Next(), "--concurrency") },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(Next(), "--duration")) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(int.Parse(Next())) },
                "--mode" => options with { Mode = CheckMode(Next()) },
                "--lines" => options with { Lines = Positive(Next(), "--lines") },
                "--rate" => options with { Rate = Positive(Next(), "--rate") },
                "--quick" => options with { Warmup = TimeSpan.FromSeconds(1), Duration = TimeSpan.FromSeconds(2) },
                "--product-configuration" => options with { ProductConfiguration = Next() },
                "--against" => options with { Against = Next() },
                "--pairs" => options with { Pairs = Positive(Next(), "--pairs") },
                "--provider" => options with { Provider = CheckProvider(Next()) },
                "--nodes" => options with { Nodes = Positive(Next(), "--nodes") },
                "--designer" => options with { Designer = true },
                "--designer-memory" => options with { DesignerMemory = true },
                "--migration" => options with { MigrationRuns = Positive(Next(), "--migration") },
                "--run-list" => options with { RunListRuns = Positive(Next(), "--run-list") },
                var unknown => throw new ArgumentException($"Unknown option {unknown}."),
            };
        }

        return options;
    }

    private static string CheckMode(string text) =>
        text is "sync" or "async" or "both" ? text : throw new ArgumentException("--mode is sync, async or both.");

    private static string CheckProvider(string text) =>
        string.Equals(text, "PostgreSql", StringComparison.OrdinalIgnoreCase) ? "PostgreSql" : throw new ArgumentException("--provider is PostgreSql.");

    private static int Positive(string text, string option) =>
        int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"{option} takes a whole number above 0.");
}
