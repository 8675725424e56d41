using Microsoft.Playwright;

namespace Pipeline.EndToEnd.Tests.Infrastructure.Browser;

/// <summary>
/// Debian's chromium, headless, driven by Playwright with <c>ExecutablePath</c> (Playwright's own browser download
/// cannot work here): installed with apt-get when missing and the tests run as root, as CI does. Each page is opened
/// from its file with every request that is not the file itself recorded and refused, so a test can assert that a
/// page fetched nothing from the network, and a screenshot of it is kept as a test artifact.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly Lazy<Task<string>> Program = new(InstallWhenMissingAsync);

    /// <summary>Where screenshots are kept: <c>artifacts/test-results/screenshots/</c> of this repository, which CI keeps.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "test-results", "screenshots");

    /// <summary>Opens <paramref name="htmlFile"/> in a fresh headless browser; dispose of the result to close it.</summary>
    public static async Task<OpenedPage> OpenAsync(string htmlFile, int width = 1280, int height = 900)
    {
        var executable = await Program.Value;
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,

                // Generous: the machine may be running a whole parallel test suite.
                Timeout = (float)TimeSpan.FromMinutes(3).TotalMilliseconds,
                Args = ["--no-sandbox", "--disable-dev-shm-usage"],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout((float)TimeSpan.FromMinutes(2).TotalMilliseconds);
            var opened = new OpenedPage(playwright, browser, page, new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri);
            await page.RouteAsync("**/*", opened.RouteAsync);
            page.Console += (_, message) => opened.Record($"console {message.Type}: {message.Text}");
            page.PageError += (_, error) => opened.Record($"page error: {error}");
            await page.GotoAsync(opened.Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            return opened;
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    private static async Task<string> InstallWhenMissingAsync()
    {
        if (Found() is { } found)
        {
            return found;
        }

        await DebianPackages.InstallAsync("chromium", "The HTML report tests");
        return Found() ?? throw new InvalidOperationException("apt-get installed chromium, but there is no /usr/bin/chromium.");
    }

    private static string? Found() => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Pipeline.sln")))
            {
                return folder.FullName;
            }
        }

        return Path.GetTempPath();
    }
}

/// <summary>A page open in headless chromium, with what it tried to fetch and what its scripts reported.</summary>
internal sealed class OpenedPage(IPlaywright playwright, IBrowser browser, IPage page, string url) : IAsyncDisposable
{
    private readonly List<string> _refusedRequests = [];
    private readonly List<string> _messages = [];

    public IPage Page { get; } = page;

    /// <summary>The page's own <c>file://</c> address.</summary>
    public string Url { get; } = url;

    /// <summary>Every request other than the page itself (and <c>data:</c> URLs inside it): refused, kept here.</summary>
    public IReadOnlyList<string> RefusedRequests
    {
        get
        {
            lock (_refusedRequests)
            {
                return [.. _refusedRequests];
            }
        }
    }

    /// <summary>Console messages and uncaught errors of the page's scripts.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Saves a full-page screenshot as <c>artifacts/test-results/screenshots/&lt;name&gt;.png</c> and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(HeadlessChromium.ScreenshotFolder);
        var file = Path.Combine(HeadlessChromium.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }

    internal void Record(string message)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }
    }

    internal async Task RouteAsync(IRoute route)
    {
        var requested = route.Request.Url;
        if (requested == Url || requested.StartsWith("data:", StringComparison.Ordinal))
        {
            await route.ContinueAsync();
            return;
        }

        lock (_refusedRequests)
        {
            _refusedRequests.Add(requested);
        }

        await route.AbortAsync();
    }
}
