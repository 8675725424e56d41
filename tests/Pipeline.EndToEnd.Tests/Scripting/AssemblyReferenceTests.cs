using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Scripting;

/// <summary><c>#r "path/to/assembly.dll"</c>: a plain assembly reference, not a NuGet package.</summary>
public sealed class AssemblyReferenceTests
{
    [Fact]
    public async Task Plain_assembly_reference_either_works_at_run_time_or_is_rejected_when_compiling()
    {
        using var repo = new TempRepo("""
            #r "lib/xunit.assert.dll"
            var check = Target("Check").Executes(() =>
            {
                Xunit.Assert.Equal(4, 2 + 2);
                Console.WriteLine("asserted with xunit.assert");
            });
            Default(check);
            """);
        repo.CreateFolder("build/lib");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "xunit.assert.dll"), repo.Path("build/lib/xunit.assert.dll"));

        var result = await repo.RunTracedAsync();

        // Either is a fix: load the file at run time (and key the cache on it), or refuse the directive up front.
        var works = result.ExitCode == 0 && result.OutputLines.Contains("asserted with xunit.assert");
        var rejected = result.ExitCode == 2 && result.StandardError.Contains("build/build.csx(1,", StringComparison.Ordinal);
        Assert.True(works || rejected, $"A #r of a file neither worked nor was rejected when compiling.{Environment.NewLine}{result}");
        result.ShouldShowNoStackTrace();
        result.OutputShouldNotContain("FileNotFoundException");
    }
}
