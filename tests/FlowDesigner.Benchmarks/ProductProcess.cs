using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace FlowDesigner.Benchmarks;

/// <summary>The real web host as a child process on embedded defaults, with a fresh data folder, on loopback.</summary>
public sealed class ProductProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly bool _ownsFolder;

    private ProductProcess(Process process, Uri address, string dataFolder, bool ownsFolder)
    {
        _process = process;
        Address = address;
        DataFolder = dataFolder;
        _ownsFolder = ownsFolder;
        Api = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    /// <summary>A client of <c>/api</c> signed in with an owner's token that the program's <c>token create</c> command made.</summary>
    public HttpClient Api { get; }

    public string DataFolder { get; }

    public string DatabasePath => Path.Combine(DataFolder, "flowdesigner.db");

    /// <param name="dataFolder">An existing data folder to start on (kept afterwards); default a fresh one, deleted afterwards.</param>
    /// <param name="settings">More settings, as environment variables (<c>Engine__HeartbeatSeconds</c>).</param>
    /// <param name="checkout">The repository whose build to start; default this one.</param>
    public static async Task<ProductProcess> StartAsync(
        string configuration, Uri sink, string? dataFolder = null, IReadOnlyDictionary<string, string>? settings = null, string? checkout = null)
    {
        checkout ??= Testing.RepositoryPaths.Root;
        var assembly = Path.Combine(checkout, "src", "FlowDesigner.Web", "bin", configuration, "net10.0", "FlowDesigner.Web.dll");
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"Build the web host first: dotnet build -c {configuration} src/FlowDesigner.Web (in {checkout})", assembly);
        }

        var port = FreePort();
        var ownsFolder = dataFolder is null;
        dataFolder ??= Directory.CreateTempSubdirectory("flowdesigner-bench-").FullName;
        var start = new ProcessStartInfo("dotnet", [assembly]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataFolder"] = dataFolder;
        start.Environment["Engine__Env__sink"] = sink.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in Testing.TestOwner.Settings.Concat(Testing.LoopbackNetworks.Settings).Concat(settings ?? new Dictionary<string, string>()))
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        // The token is made before the product starts, so that no other process works beside it while it warms up
        // (a command running then left its JIT tiering unfinished into the measured window).
        var token = await CreateTokenAsync(assembly, start.Environment);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("product: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var product = new ProductProcess(process, new Uri($"http://127.0.0.1:{port}/"), dataFolder, ownsFolder);
        await product.WaitUntilReadyAsync();
        product.Api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return product;
    }

    /// <summary>
    /// Runs <c>token create</c> with the host's settings, as a script would (it creates the owner from the Owner
    /// settings on a new data folder), and returns the token it prints last.
    /// </summary>
    private static async Task<string> CreateTokenAsync(string assembly, IDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet", [assembly, "token", "create", "--user", Testing.TestOwner.Email, "--name", "benchmark"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var command = Process.Start(start)!;
        var output = await command.StandardOutput.ReadToEndAsync();
        var errors = await command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        return command.ExitCode == 0
            ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]
            : throw new InvalidOperationException($"token create exited with {command.ExitCode}: {errors}");
    }

    public int ProcessId => _process.Id;

    /// <summary>The process's resident memory now (VmRSS), in bytes.</summary>
    public long ResidentBytes() => StatusBytes("VmRSS:");

    /// <summary>The most memory the process has held (VmHWM), in bytes.</summary>
    public long PeakResidentBytes() => StatusBytes("VmHWM:");

    private long StatusBytes(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    /// <summary>The processor time the process has used so far, user and kernel.</summary>
    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Stores a credential through the API, as an Admin would; returns its id.</summary>
    public async Task<Guid> CreateCredentialAsync(string type, string name, object fields)
    {
        var created = await Api.PostAsJsonAsync("api/credentials", new { type, name, fields });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<Guid> ImportAndPublishAsync(string workflowJson)
    {
        var id = await ImportAsync(workflowJson);
        (await Api.PostAsJsonAsync($"api/workflows/{id}/publish", new { note = "benchmark" })).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Imports a workflow as a draft and returns its id.</summary>
    public async Task<Guid> ImportAsync(string workflowJson)
    {
        var imported = await Api.PostAsync("api/workflows", new StringContent(workflowJson, System.Text.Encoding.UTF8, "application/json"));
        imported.EnsureSuccessStatusCode();
        return (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Stops the host the way Ctrl+C would, so the database is left checkpointed.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        Process.Start("kill", ["-INT", _process.Id.ToString()])!.WaitForExit();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or a pulled plug would: nothing gets to clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        Api.Dispose();
        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // left for the system's temp cleanup
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The web host exited with code {_process.ExitCode} while starting.");
            }

            try
            {
                if ((await http.GetAsync(new Uri(Address, "health/ready"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The web host did not answer within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
