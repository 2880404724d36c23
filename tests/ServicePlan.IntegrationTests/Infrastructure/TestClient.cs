using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ServicePlan.Demo;

namespace ServicePlan.IntegrationTests.Infrastructure;

/// <summary>An HttpClient that behaves like a browser without JavaScript: keeps cookies, reads pages, and posts forms with their antiforgery token.</summary>
public sealed class TestClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public static string EmailOf(string role) => DemoData.Users.Single(u => u.Role == role).Email;

    public async Task SignInAsync(string role) => await SignInAsEmailAsync(EmailOf(role), DemoData.Password);

    public async Task<HttpResponseMessage> SignInAsEmailAsync(string email, string password)
    {
        var response = await PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect && password == DemoData.Password)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        return response;
    }

    public async Task<IHtmlDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}. {Excerpt(html)}");
        return Parse(html);
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Loads the page holding the form, then posts the fields with the page's antiforgery token, as a browser would.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPageUrl, string actionUrl, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var page = await http.GetAsync(formPageUrl);
        var document = Parse(await page.Content.ReadAsStringAsync());
        var token = document.QuerySelectorAll("input[name=__RequestVerificationToken]").Select(i => i.GetAttribute("value")).FirstOrDefault();
        var values = fields.ToList();
        if (extra is not null)
            values.AddRange(extra);
        if (token is not null)
            values.Add(new("__RequestVerificationToken", token));
        return await http.PostAsync(actionUrl, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Posts a form whose words are meant to look like personal data: when the form comes back with the warning, ticks
    /// "save it as written" with a reason, as a user who has checked them would.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormConfirmingPersonalDataAsync(string url, Dictionary<string, string> fields)
    {
        var response = await PostFormAsync(url, url, fields);
        if (response.StatusCode != HttpStatusCode.OK)
            return response;
        var seen = Parse(await response.Content.ReadAsStringAsync()).QuerySelector("input[name='Confirm.Seen']")?.GetAttribute("value");
        return seen is null
            ? response
            : await PostFormAsync(url, url, new(fields) { ["Confirm.SaveAsWritten"] = "true", ["Confirm.Seen"] = seen, ["Confirm.Reason"] = "Made-up test words" });
    }

    public async Task<T> GetJsonAsync<T>(string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<T>(response.Content))!;
    }

    private static string Excerpt(string html) => html.Length > 600 ? html[..600] : html;

    /// <summary>Makes an API key on the account page as this client's user, and returns it as the page shows it, once.</summary>
    public async Task<string> MakeApiKeyAsync(string? name = null)
    {
        var response = await PostFormAsync("/account/api-keys", "/account/api-keys?handler=Create", new() { ["Name"] = name ?? $"Test script {Guid.NewGuid():N}" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return Parse(html).QuerySelector("#new-api-key")?.TextContent.Trim() ?? throw new InvalidOperationException("No key shown.");
    }

    public void Dispose() => http.Dispose();
}
