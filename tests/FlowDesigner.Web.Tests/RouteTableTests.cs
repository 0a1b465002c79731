using System.Net;
using FlowDesigner.Model.Users;
using FlowDesigner.Testing;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Who = FlowDesigner.Web.Tests.AccessTable.Who;

namespace FlowDesigner.Web.Tests;

/// <summary>The app's real endpoint table and page routes against the policy table: what each declares, and what each answers.</summary>
public sealed class RouteTableTests(RouteTableTests.Callers callers) : IClassFixture<RouteTableTests.Callers>
{
    [Fact]
    public void EveryRoute_DeclaresThePolicyTheTableGivesIt_AndNoneIsLeftOut()
    {
        var mapped = MappedRoutes(callers.Host.Services);

        var problems = mapped
            .Where(r => !AccessTable.Routes.TryGetValue(r.Key, out var who) || who != r.Value)
            .Select(r => AccessTable.Routes.TryGetValue(r.Key, out var who)
                ? $"{r.Key} declares {Describe(r.Value)}, the table says {who}"
                : $"{r.Key} ({Describe(r.Value)}, {r.Value}) is not in the policy table: decide who may reach it")
            .Concat(AccessTable.Routes.Keys.Except(mapped.Keys).Select(key => $"{key} is in the table but not mapped"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public static TheoryData<string> TableRoutes() => [.. AccessTable.Routes.Keys];

    [Theory]
    [MemberData(nameof(TableRoutes))]
    public async Task EveryRoute_AnswersPerTheTable_ForAnonymousAndEachRole(string route)
    {
        var needed = AccessTable.Routes[route];
        var (method, pattern) = (route.Split(' ', 2)[0], route.Split(' ', 2)[1]);
        var verb = method is "PAGE" or "*" ? "GET" : method.Split(',')[0];
        var path = AccessTable.PathOf(pattern);

        foreach (var caller in Enum.GetValues<Who>())
        {
            var client = pattern.StartsWith("/api", StringComparison.Ordinal) || pattern == "/metrics" ? callers.Tokens[caller]
                : pattern == "/sign-out" ? await callers.FreshCookieAsync(caller) // signing out must not end the session the other routes use
                : callers.Cookies[caller];
            using var request = new HttpRequestMessage(new HttpMethod(verb), path);
            if (verb is "POST" or "PUT" && pattern.StartsWith("/api", StringComparison.Ordinal))
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var answer = await client.SendAsync(request);
            var refused = Refusal(answer);
            if (pattern == OwnerGate.SetUpPath)
            {
                Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode); // the owner exists: set-up is gone for everyone
            }
            else if (caller >= needed)
            {
                Assert.True(refused is null, $"{caller} was refused {verb} {path} ({refused}), which the table gives to {needed}");
            }
            else
            {
                Assert.True(refused is not null, $"{caller} got {(int)answer.StatusCode} for {verb} {path}, which the table keeps for {needed}");
                Assert.Equal(caller == Who.Anonymous ? "sign in" : "role", refused);
            }
        }
    }

    [Fact]
    public async Task Api_RefusesASignInCookie_WithoutAToken()
    {
        var answer = await callers.Cookies[Who.Admin].GetAsync("/api/workflows");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Contains("Bearer", await answer.Content.ReadAsStringAsync());
    }

    // "sign in" when the caller must sign in first, "role" when their role may not, null when let through.
    private static string? Refusal(HttpResponseMessage answer) => answer.StatusCode switch
    {
        HttpStatusCode.Unauthorized => "sign in",
        HttpStatusCode.Forbidden => "role",
        HttpStatusCode.Found when answer.Headers.Location?.OriginalString is { } to && to.Contains("/sign-in", StringComparison.Ordinal) => "sign in",
        HttpStatusCode.Found when answer.Headers.Location?.OriginalString is { } to && to.Contains("/access-denied", StringComparison.Ordinal) => "role",
        _ => null,
    };

    private static string Describe(Who? who) => who is { } known ? $"{known}" : "no policy";

    /// <summary>Every route the app maps, by "METHOD pattern" (pages as "PAGE pattern"), with the access its metadata declares.</summary>
    private static Dictionary<string, Who?> MappedRoutes(IServiceProvider services)
    {
        var routes = new Dictionary<string, Who?>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (IsFramework(endpoint, pattern))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            var key = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? $"PAGE {pattern}"
                : methods is { Count: > 0 } ? $"{string.Join(",", methods)} {pattern}"
                : $"* {pattern}";
            routes[key] = Declared(endpoint);
        }

        return routes;
    }

    // Blazor's own connection and script, and the static files, which every page needs before anyone signs in. In
    // Development the static assets add a file fallback (for files added while running); it names no policy and so
    // falls to the fallback policy: signed-in users only.
    private static bool IsFramework(RouteEndpoint endpoint, string pattern) =>
        pattern.StartsWith("/_blazor", StringComparison.Ordinal)
        || endpoint.DisplayName == "Fallback {**path:file}"
        || pattern.StartsWith("/_framework", StringComparison.Ordinal)
        || (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null && endpoint.DisplayName?.Contains("static asset", StringComparison.OrdinalIgnoreCase) == true)
        || (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null && Path.HasExtension(pattern) && !pattern.Contains('{', StringComparison.Ordinal));

    private static Who? Declared(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Who.Anonymous;
        }

        var roles = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>()
            .Select(policy => (Who)(int)Access.RoleOf(policy) + 1)
            .ToList();
        return roles.Count == 0 ? null : roles.Max();
    }

    /// <summary>One host, with a user of each role signed in by cookie and by token, for the whole table.</summary>
    public sealed class Callers : IAsyncLifetime
    {
        public FlowDesignerHost Host { get; } = new();

        public Dictionary<Who, HttpClient> Cookies { get; } = [];

        public Dictionary<Who, HttpClient> Tokens { get; } = [];

        private Dictionary<Who, string> Emails { get; } = [];

        /// <summary>Another session of the caller's user, for a request that ends it.</summary>
        public async Task<HttpClient> FreshCookieAsync(Who who) =>
            who == Who.Anonymous ? Cookies[who] : await CookieSignIn.SignInAsync(Host.Start(), Emails[who], TestOwner.Password);

        public async Task InitializeAsync()
        {
            var address = Host.Start();
            var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
            Cookies[Who.Anonymous] = anonymous;
            Tokens[Who.Anonymous] = anonymous;
            foreach (var role in Enum.GetValues<Role>())
            {
                var email = role == Role.Admin ? TestOwner.Email : await Host.CreateUserAsync(role);
                var who = (Who)(int)role + 1;
                Emails[who] = email;
                Cookies[who] = await CookieSignIn.SignInAsync(address, email, TestOwner.Password);
                Tokens[who] = await Host.ApiClientAsync(role);
            }
        }

        public Task DisposeAsync()
        {
            foreach (var client in Cookies.Values.Concat(Tokens.Values).Distinct())
            {
                client.Dispose();
            }

            Host.Dispose();
            return Task.CompletedTask;
        }
    }
}
