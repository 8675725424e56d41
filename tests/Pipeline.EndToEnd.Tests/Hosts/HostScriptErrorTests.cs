using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Hosts;

/// <summary>
/// A script that does not compile: besides the compiler's <c>build/build.csx(L,C): error CS…</c> lines on
/// stderr, each error is an annotation in the host's own form on stdout, pointing at the script's line and column.
/// </summary>
public sealed class HostScriptErrorTests(SharedRepo shared) : IClassFixture<SharedRepo>
{
    // Two errors: a misspelt name on line 3 (column 52) and a type mismatch on line 4 (column 13).
    private const string Script = """
        var configuration = Parameter("configuration", "Release", "Build configuration.");
        var compile = Target("Compile")
            .Executes(() => Console.WriteLine($"compiling {configuraton.Value}"));
        int count = "three";
        Default(compile);
        """;

    private readonly TempRepo _repo = shared.With(Script);

    [Theory]
    [InlineData("github-actions", "::error file=build/build.csx,line=3,col=52,title=Build script::CS0103: ")]
    [InlineData("azure-pipelines", "##vso[task.logissue type=error;sourcepath=build/build.csx;linenumber=3;columnnumber=52]Build script: CS0103: ")]
    public async Task Compile_error_is_annotated_in_the_hosts_form_besides_the_compiler_line(string host, string annotation)
    {
        var run = await HostRun.StartAsync(_repo, HostFixtures.For(host), "--host", host);

        run.Result.ShouldExitWith(2);
        run.Result.ShouldShowNoStackTrace();
        run.Result.ErrorShouldContain("build/build.csx(3,52): error CS0103: The name 'configuraton' does not exist in the current context");
        run.Result.ErrorShouldContain("build/build.csx(4,13): error CS0029: ");
        Assert.StartsWith(annotation, run.Result.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal(2, run.Result.OutputLines.Count);
        Snapshot.Verify(run.Describe(), host);
    }
}
