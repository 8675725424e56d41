using Pipeline.EndToEnd.Tests.Infrastructure.Browser;

namespace Pipeline.EndToEnd.Tests.Reports;

/// <summary>The browser fixture itself: a page that fetches something is caught, and one that does not is not.</summary>
public sealed class HeadlessChromiumTests
{
    [Fact]
    public async Task A_page_that_loads_a_remote_script_has_the_request_refused_and_recorded()
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-chromium-").FullName;
        var file = Path.Combine(folder, "page.html");
        await File.WriteAllTextAsync(file, "<!DOCTYPE html><html><body><h1 id=\"title\">Hello</h1><script src=\"https://cdn.example.com/lib.js\"></script></body></html>");

        await using var opened = await HeadlessChromium.OpenAsync(file);

        Assert.Equal("Hello", await opened.Page.Locator("#title").InnerTextAsync());
        Assert.Contains("https://cdn.example.com/lib.js", opened.RefusedRequests);
        Assert.True(File.Exists(await opened.ScreenshotAsync("headless-chromium-self-test")));
    }
}
