using System.Net;
using System.Text.RegularExpressions;

namespace FlowDesigner.Testing;

/// <summary>Signs in through the real sign-in form, as a browser would, and keeps the session cookie for later requests.</summary>
public static partial class CookieSignIn
{
    /// <returns>A client that carries the session cookie and does not follow redirects, so that a refusal's redirect shows.</returns>
    public static async Task<HttpClient> SignInAsync(Uri address, string email, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var answer = await TryAsync(client, email, password);
        if (answer.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>Posts the sign-in form once: a redirect when it worked, the form again with what went wrong when not.</summary>
    public static async Task<HttpResponseMessage> TryAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/sign-in");
        return await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Posts one of a server-rendered page's forms, by its name, as a browser would: with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var values = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = AntiforgeryToken(page) };
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>The antiforgery token a server-rendered form carries.</summary>
    public static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } input && TokenValue().Match(input.Value) is { Success: true } value
            ? WebUtility.HtmlDecode(value.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]+)\"")]
    private static partial Regex TokenValue();
}
