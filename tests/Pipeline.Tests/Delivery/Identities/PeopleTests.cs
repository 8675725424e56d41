using Pipeline.Delivery;
using Pipeline.Delivery.Identities;

namespace Pipeline.Tests.Delivery.Identities;

public sealed class PeopleTests
{
    [Theory]
    [InlineData("octocat", "12345+octocat@users.noreply.github.com")]
    [InlineData("octocat", "octocat@users.noreply.github.com")]
    [InlineData("OctoCat", "12345+octocat@Users.NoReply.GitHub.com")]
    [InlineData("octocat", "12345-octocat@users.noreply.gitlab.com")]
    [InlineData("Dev@Example.com", "dev@example.com")]
    public void A_login_and_its_noreply_address_are_one_person(string one, string other) =>
        Assert.True(People.WithoutAliases.Same(one, other), $"{one} and {other} are not one person");

    [Theory]
    [InlineData("octocat", "octocat@example.com")]
    [InlineData("octocat", "12345+hubot@users.noreply.github.com")]
    [InlineData("octocat", "octocat@users.noreply.github.com.evil.example")]
    public void Other_addresses_are_other_people_without_an_alias(string one, string other) =>
        Assert.False(People.WithoutAliases.Same(one, other), $"{one} and {other} were taken for one person");

    [Fact]
    public void The_alias_file_maps_every_identity_of_a_person_to_the_name_on_the_left()
    {
        var people = IdentityAliases.Parse(
            ["alice@example.com: alice, Alice@Corp.Example  # her work address", string.Empty, "bob@example.com: 7+bobby@users.noreply.github.com"],
            "build/identities");

        Assert.Equal("alice@example.com", people.PersonOf("123+alice@users.noreply.github.com"));
        Assert.Equal("alice@example.com", people.PersonOf("alice@corp.example"));
        Assert.Equal("bob@example.com", people.PersonOf("bobby"));
        Assert.False(people.Same("alice", "bob@example.com"));
    }

    [Theory]
    [InlineData("alice@example.com alice", "build/identities line 2: expected 'person: alias, alias' (for example 'alice@example.com: alice, alice@corp.example'), got 'alice@example.com alice'.")]
    [InlineData("bob@example.com: alice", "build/identities line 2: alice is already an identity of alice@example.com; one identity belongs to one person.")]
    public void A_bad_alias_line_is_refused_naming_the_line(string line, string message)
    {
        var error = Assert.Throws<ReleaseRefusedException>(() => IdentityAliases.Parse(["alice@example.com: alice", line], "build/identities"));

        Assert.Equal(message, error.Message);
    }
}
