namespace Pipeline.Tests;

public class AbsolutePathTests
{
    [Fact]
    public void Paths_compose_with_the_slash_operator()
    {
        var root = AbsolutePath.From("/repo");

        var packages = root / "artifacts" / "packages";

        Assert.Equal("/repo/artifacts/packages", packages.FullPath);
        Assert.Equal("packages", packages.Name);
        Assert.Equal(AbsolutePath.From("/repo/artifacts"), packages.Parent);
        Assert.Equal(packages, root.Combine("artifacts/packages"));
    }

    [Fact]
    public void Paths_are_normalised_so_equal_locations_are_equal()
    {
        var a = AbsolutePath.From("/repo/src/../artifacts/");
        var b = AbsolutePath.From("/repo/artifacts");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("/repo/artifacts", a.ToString());
        Assert.NotEqual(AbsolutePath.From("/repo/Artifacts"), a);
    }

    [Fact]
    public void The_root_keeps_its_separator_and_has_no_parent()
    {
        var root = AbsolutePath.From("/");

        Assert.Equal("/", root.FullPath);
        Assert.Null(root.Parent);
    }

    [Fact]
    public void A_path_is_shown_relative_to_another_with_forward_slashes()
    {
        var path = AbsolutePath.From("/repo/artifacts/test-results");

        Assert.Equal("artifacts/test-results", path.RelativeTo(AbsolutePath.From("/repo")));
    }

    [Fact]
    public void A_path_converts_to_a_string_implicitly_and_reports_existence()
    {
        using var temp = new TempDirectory();
        var path = AbsolutePath.From(temp.Path);

        string text = path;

        Assert.Equal(temp.Path, text);
        Assert.True(path.Exists);
        Assert.False((path / "missing").Exists);
    }
}
