using Pipeline.Incremental;

namespace Pipeline.Tests.Incremental;

public sealed class FileSetTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Only_the_files_the_globs_name_are_matched_relative_to_the_root_with_forward_slashes_in_ordinal_order()
    {
        Write("src/App/Class1.cs", "src/App/a.cs", "src/App/B.cs", "src/App/App.csproj", "docs/guide.md", "Program.cs");

        var files = FileSet.Match(_root.Path, ["src/**/*.cs", "src/**/*.csproj"]);

        Assert.Equal(["src/App/App.csproj", "src/App/B.cs", "src/App/Class1.cs", "src/App/a.cs"], files);
    }

    [Fact]
    public void A_glob_starting_with_an_exclamation_mark_excludes_what_it_matches()
    {
        Write("src/App/Class1.cs", "src/App/obj/Debug/App.AssemblyInfo.cs", "src/App/bin/Debug/Generated.cs", "tests/T/obj/x.cs");

        var files = FileSet.Match(_root.Path, ["**/*.cs", "!**/obj/**", "!src/App/bin/"]);

        Assert.Equal(["src/App/Class1.cs"], files);
    }

    [Fact]
    public void A_glob_naming_a_folder_means_every_file_under_it_and_a_missing_folder_matches_nothing()
    {
        Write("bin/App.dll", "bin/Debug/net10.0/App.pdb", "artifacts/packages/App.1.0.0.nupkg", "artifacts/packages/sub/App.snupkg", "artifacts/test-results/r.trx");

        Assert.Equal(["bin/App.dll", "bin/Debug/net10.0/App.pdb"], FileSet.Match(_root.Path, ["bin/"]));
        Assert.Equal(["artifacts/packages/App.1.0.0.nupkg", "artifacts/packages/sub/App.snupkg"], FileSet.Match(_root.Path, ["artifacts/packages"]));
        Assert.Empty(FileSet.Match(_root.Path, ["obj/", "artifacts/missing"]));
    }

    [Fact]
    public void Git_and_pipeline_folders_are_never_entered_and_dot_files_are_matched_like_any_other()
    {
        Write(".git/HEAD", ".git/objects/ab/cdef", ".pipeline/state/Compile", "vendor/cloned/.git/config", "vendor/cloned/.gitignore",
            ".editorconfig", ".config/dotnet-tools.json", "src/A.cs");
        // A worktree's or submodule's .git is a file naming an absolute path: not content of the repository.
        Write("vendor/submodule/.git");

        var files = FileSet.Match(_root.Path, ["**/*"]);

        Assert.Equal([".config/dotnet-tools.json", ".editorconfig", "src/A.cs", "vendor/cloned/.gitignore"], files);
    }

    [Fact]
    public void Adding_deleting_and_renaming_a_matching_file_is_seen_by_the_next_match()
    {
        Write("src/A.cs", "src/B.cs");
        Assert.Equal(["src/A.cs", "src/B.cs"], FileSet.Match(_root.Path, ["src/*.cs"]));

        Write("src/C.cs");
        Assert.Equal(["src/A.cs", "src/B.cs", "src/C.cs"], FileSet.Match(_root.Path, ["src/*.cs"]));

        File.Delete(_root.Combine("src", "A.cs"));
        Assert.Equal(["src/B.cs", "src/C.cs"], FileSet.Match(_root.Path, ["src/*.cs"]));

        File.Move(_root.Combine("src", "B.cs"), _root.Combine("src", "Renamed.cs"));
        Assert.Equal(["src/C.cs", "src/Renamed.cs"], FileSet.Match(_root.Path, ["src/*.cs"]));
    }

    [Fact]
    public void Matching_is_case_sensitive_on_Linux_as_its_file_systems_are()
    {
        Write("src/Upper.CS", "src/lower.cs");

        var files = FileSet.Match(_root.Path, ["src/*.cs"]);

        Assert.Equal(OperatingSystem.IsLinux() ? ["src/lower.cs"] : ["src/Upper.CS", "src/lower.cs"], files);
    }

    [Fact]
    public void Globs_with_only_excludes_match_nothing()
    {
        Write("src/A.cs");

        Assert.Empty(FileSet.Match(_root.Path, ["!src/B.cs"]));
        Assert.Empty(FileSet.Match(_root.Path, []));
    }

    [Fact]
    public void A_symbolic_link_to_a_file_is_a_file_and_a_link_to_a_folder_is_not_entered()
    {
        using var outside = new TempDirectory();
        File.WriteAllText(outside.Combine("Outside.cs"), "// not in the repository");
        Write("src/Real.cs");
        File.CreateSymbolicLink(_root.Combine("src", "Linked.cs"), _root.Combine("src", "Real.cs"));
        Directory.CreateSymbolicLink(_root.Combine("src", "elsewhere"), outside.Path);
        // A loop: following it would never end.
        Directory.CreateSymbolicLink(_root.Combine("src", "loop"), _root.Path);

        var files = FileSet.Match(_root.Path, ["**/*.cs"]);

        Assert.Equal(["src/Linked.cs", "src/Real.cs"], files);
    }

    private void Write(params string[] relativePaths)
    {
        foreach (var relative in relativePaths)
        {
            var path = _root.Combine(relative.Split('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, relative);
        }
    }
}
