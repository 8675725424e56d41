using System.Text.Json;
using Pipeline.EndToEnd.Tests.Infrastructure;
using Pipeline.EndToEnd.Tests.Infrastructure.Browser;

namespace Pipeline.EndToEnd.Tests.Reports;

/// <summary><c>--plan --html</c> as a user runs it: the graph opened in headless chromium, read back from its DOM.</summary>
public sealed class PlanPageTests : IDisposable
{
    private const string Script = """
        var clean = Target("Clean").Description("Deletes artifacts/").Executes(() => File.WriteAllText("ran.marker", "Clean"));
        var restore = Target("Restore").Executes(() => File.WriteAllText("ran.marker", "Restore"));
        var compile = Target("Compile").DependsOn(restore).After(clean).Executes(() => File.WriteAllText("ran.marker", "Compile"));
        var test = Target("Test").DependsOn(compile).Executes(() => File.WriteAllText("ran.marker", "Test"));
        var docs = Target("Docs").DependsOn(compile).Executes(() => File.WriteAllText("ran.marker", "Docs"));
        var notify = Target("Notify").Hidden().Executes(() => File.WriteAllText("ran.marker", "Notify"));
        var pack = Target("Pack").Description("Packs the library").DependsOn(test, docs).Triggers(notify).Executes(() => File.WriteAllText("ran.marker", "Pack"));
        var lint = Target("Lint").Before(test).Executes(() => File.WriteAllText("ran.marker", "Lint"));
        Default(pack);
        """;

    private static readonly string[] Declared = ["Clean", "Restore", "Compile", "Test", "Docs", "Notify", "Pack", "Lint"];

    private readonly TempRepo _repo = new(Script);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Plan_as_html_draws_every_target_and_edge_kind_and_highlights_exactly_what_the_json_plan_runs()
    {
        var result = await _repo.RunAsync("--plan", "--html", "Pack", "--skip", "Docs");

        result.ShouldExitWith(0);
        var page = _repo.Path("artifacts/plan.html");
        result.OutputShouldContain($"Wrote the plan's graph to {page}");
        Assert.False(_repo.Exists("ran.marker"), "--plan --html ran a target.");
        var json = await _repo.RunAsync("--plan", "--json", "Pack", "--skip", "Docs");
        json.ShouldExitWith(0);
        using var plan = JsonDocument.Parse(json.StandardOutput);
        var order = plan.RootElement.GetProperty("order").EnumerateArray().ToList();
        var runs = order.Where(t => !t.GetProperty("skipped").GetBoolean()).Select(t => t.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();

        await using var opened = await HeadlessChromium.OpenAsync(page);
        await opened.ScreenshotAsync("plan-page");

        var nodes = await ReadAsync<NodeInfo>(opened, """
            JSON.stringify([...document.querySelectorAll('#graph g.node')].map(g => {
              const box = g.querySelector('rect').getBBox();
              return { target: g.dataset.target, state: g.dataset.state, hidden: g.dataset.hidden, x: box.x, y: box.y, width: box.width, height: box.height };
            }))
            """);
        Assert.Equal(Declared.Order(StringComparer.Ordinal), nodes.Select(n => n.Target).Order(StringComparer.Ordinal));
        Assert.Equal(runs, Names(nodes, "runs"));
        Assert.Equal(["Docs"], Names(nodes, "skipped"));
        Assert.Equal(["Clean", "Lint"], Names(nodes, "not-planned"));
        Assert.Equal(["Notify"], nodes.Where(n => n.Hidden == "true").Select(n => n.Target));
        foreach (var (a, b) in nodes.SelectMany((a, i) => nodes.Skip(i + 1).Select(b => (a, b))))
        {
            var apart = a.X + a.Width <= b.X || b.X + b.Width <= a.X || a.Y + a.Height <= b.Y || b.Y + b.Height <= a.Y;
            Assert.True(apart, $"{a} and {b} overlap on the page.");
        }

        var edges = await ReadAsync<EdgeInfo>(opened, """
            JSON.stringify([...document.querySelectorAll('#graph path.edge')].map(p => {
              const style = getComputedStyle(p);
              return { from: p.dataset.from, to: p.dataset.to, kind: p.dataset.kind, dash: style.strokeDasharray, colour: style.stroke };
            }))
            """);
        Assert.Equal(
            [
                "Clean -> Compile order", "Compile -> Docs depends-on", "Compile -> Test depends-on", "Docs -> Pack depends-on",
                "Lint -> Test order", "Pack -> Notify triggers", "Restore -> Compile depends-on", "Test -> Pack depends-on",
            ],
            edges.Select(e => $"{e.From} -> {e.To} {e.Kind}").Order(StringComparer.Ordinal));

        // The three kinds look different: solid, dashed, and dotted in another colour.
        var look = edges.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Select(e => (e.Dash, e.Colour)).Distinct().Single());
        Assert.Equal("none", look["depends-on"].Dash);
        Assert.NotEqual("none", look["order"].Dash);
        Assert.NotEqual(look["order"].Dash, look["triggers"].Dash);
        Assert.NotEqual(look["depends-on"].Colour, look["triggers"].Colour);

        // The table lists every target with what the plan does with it; the zoom buttons work.
        Assert.Equal(Declared.Length, await opened.Page.Locator("#targets tbody tr").CountAsync());
        Assert.Contains("Packs the library", await opened.Page.Locator("#targets tr[data-target='Pack']").InnerTextAsync(), StringComparison.Ordinal);
        var width = await opened.Page.Locator("#graph").GetAttributeAsync("width");
        await opened.Page.Locator("button[data-zoom='in']").ClickAsync();
        Assert.NotEqual(width, await opened.Page.Locator("#graph").GetAttributeAsync("width"));

        Assert.Empty(opened.RefusedRequests);
        Assert.Empty(opened.Messages);
    }

    [Fact]
    public async Task Plan_as_html_goes_to_the_html_file_named_after_the_option_and_runs_nothing()
    {
        var result = await _repo.RunAsync("--plan", "--html", "out/graph.html");

        result.ShouldExitWith(0);
        result.ShouldHaveRunNoTarget();
        Assert.False(_repo.Exists("ran.marker"), "--plan --html ran a target.");
        Assert.False(_repo.Exists("artifacts/plan.html"), "The page went to its default file, not the one named.");
        var page = _repo.ReadText("out/graph.html");
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("data-target=\"Pack\" data-state=\"runs\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_without_plan_or_history_is_a_usage_error_that_runs_nothing()
    {
        var result = await _repo.RunAsync("--html");

        result.ShouldExitWith(2);
        result.ShouldShowNoStackTrace();
        result.ShouldHaveRunNoTarget();
        result.ErrorShouldContain("--html goes with --plan or --history ENV (and not with --json); every run writes artifacts/report.html anyway.");
        Assert.False(_repo.Exists("ran.marker"), "A usage error ran a target.");
    }

    /// <summary>What a script of the page returns as JSON text, read into records (Playwright's own conversion needs setters).</summary>
    private static async Task<T[]> ReadAsync<T>(OpenedPage opened, string script) =>
        JsonSerializer.Deserialize<T[]>(await opened.Page.EvaluateAsync<string>(script), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static List<string> Names(IEnumerable<NodeInfo> nodes, string state) =>
        [.. nodes.Where(n => n.State == state).Select(n => n.Target).Order(StringComparer.Ordinal)];

    private sealed record NodeInfo(string Target, string State, string Hidden, double X, double Y, double Width, double Height);

    private sealed record EdgeInfo(string From, string To, string Kind, string Dash, string Colour);
}
