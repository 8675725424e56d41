using Pipeline.Incremental;

namespace Pipeline.Tests.Incremental;

public sealed class FingerprintTests
{
    private static readonly Dictionary<string, string> Recorded = new()
    {
        ["target"] = "Compile",
        ["script"] = "s1",
        ["input src/a.cs"] = "a1",
        ["input src/b.cs"] = "b1",
        ["parameter configuration"] = "Release",
        ["dependency Restore"] = "r1",
    };

    [Fact]
    public void Equal_facts_make_the_same_digest_whatever_their_order()
    {
        var reversed = Recorded.Reverse().ToDictionary();

        Assert.Equal(new Fingerprint(Recorded).Digest, new Fingerprint(reversed).Digest);
        Assert.Null(new Fingerprint(reversed).ChangesSince(Recorded));
    }

    [Fact]
    public void A_changed_added_or_deleted_input_is_named()
    {
        var now = new Dictionary<string, string>(Recorded) { ["input src/a.cs"] = "a2", ["input src/c.cs"] = "c1" };
        now.Remove("input src/b.cs");

        var fingerprint = new Fingerprint(now);

        Assert.NotEqual(new Fingerprint(Recorded).Digest, fingerprint.Digest);
        Assert.Equal("input src/a.cs changed, input src/b.cs deleted, input src/c.cs added", fingerprint.ChangesSince(Recorded));
    }

    [Fact]
    public void The_script_values_and_dependencies_are_named_before_files_and_long_lists_are_counted()
    {
        var now = new Dictionary<string, string>(Recorded)
        {
            ["script"] = "s2",
            ["parameter configuration"] = "Debug",
            ["dependency Restore"] = "r2",
            ["input src/a.cs"] = "a2",
            ["input src/b.cs"] = "b2",
        };

        var changes = new Fingerprint(now).ChangesSince(Recorded);

        Assert.Equal("Restore's outputs changed, parameter configuration changed, the build script changed and 2 more", changes);
    }

    [Fact]
    public void A_value_is_kept_only_as_a_digest()
    {
        var digest = Fingerprint.DigestOf("hunter2");

        Assert.DoesNotContain("hunter2", digest, StringComparison.Ordinal);
        Assert.Equal(32, digest.Length);
        Assert.Equal(digest, Fingerprint.DigestOf("hunter2"));
    }
}
