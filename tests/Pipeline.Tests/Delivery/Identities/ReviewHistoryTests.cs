using Pipeline.Delivery.Identities;
using Pipeline.Delivery.Records;
using Pipeline.Hosts;
using Pipeline.Hosts.Vendors;

namespace Pipeline.Tests.Delivery.Identities;

/// <summary>
/// GitHub's "Get the review history for a workflow run" read in its documented shape (schema
/// <c>environment-approvals</c>), and which of its reviews approve a release to an environment.
/// </summary>
public sealed class ReviewHistoryTests
{
    /// <summary>GitHub's documented example answer, with the environment and state to test.</summary>
    internal static string Documented(string state = "approved", string environment = "staging", string login = "octocat", string comment = "Ship it!") => $$"""
        [
          {
            "state": "{{state}}",
            "comment": "{{comment}}",
            "environments": [
              {
                "id": 161088068,
                "node_id": "MDExOkVudmlyb25tZW50MTYxMDg4MDY4",
                "name": "{{environment}}",
                "url": "https://api.github.com/repos/github/hello-world/environments/{{environment}}",
                "html_url": "https://github.com/github/hello-world/deployments/activity_log?environments_filter={{environment}}",
                "created_at": "2020-11-23T22:00:40Z",
                "updated_at": "2020-11-23T22:00:40Z"
              }
            ],
            "user": {
              "login": "{{login}}",
              "id": 1,
              "node_id": "MDQ6VXNlcjE=",
              "avatar_url": "https://github.com/images/error/octocat_happy.gif",
              "gravatar_id": "",
              "url": "https://api.github.com/users/{{login}}",
              "html_url": "https://github.com/{{login}}",
              "type": "User",
              "site_admin": false
            }
          }
        ]
        """;

    [Fact]
    public void The_documented_example_is_an_approval_by_its_user_of_its_environment_named_in_any_case()
    {
        var review = Assert.Single(ReviewHistory.Parse(Documented()));

        Assert.Equal(("octocat", "approved", "Ship it!"), (review.Reviewer, review.State, review.Comment));
        Assert.Equal(["staging"], review.Environments);
        Assert.True(review.Approves("staging"));
        Assert.True(review.Approves("Staging"));
        Assert.False(review.Approves("production"));
    }

    [Theory]
    [InlineData("rejected")]
    [InlineData("pending")]
    public void A_review_that_is_not_approved_approves_nothing(string state) =>
        Assert.False(Assert.Single(ReviewHistory.Parse(Documented(state, "production"))).Approves("production"));

    [Fact]
    public void An_empty_history_has_no_reviews() => Assert.Empty(ReviewHistory.Parse("[]"));

    [Theory]
    [InlineData("<html>rate limited</html>", "it is not JSON")]
    [InlineData("""{"message":"Not Found"}""", "expected an array of reviews, got an object")]
    [InlineData("""[42]""", "review 1 is a number, not an object")]
    [InlineData("""[{"environments":[],"user":{"login":"octocat"},"comment":""}]""", "review 1 has no state")]
    [InlineData("""[{"state":"approved","environments":[],"comment":""}]""", "review 1 has no user.login")]
    [InlineData("""[{"state":"approved","environments":[],"user":{"login":""},"comment":""}]""", "review 1 has no user.login")]
    [InlineData("""[{"state":"approved","user":{"login":"octocat"},"comment":""}]""", "review 1 has no environments (an array)")]
    [InlineData("""[{"state":"approved","environments":"production","user":{"login":"octocat"},"comment":""}]""", "review 1 has no environments (an array)")]
    [InlineData("""[{"state":"approved","environments":["production"],"user":{"login":"octocat"},"comment":""}]""", "review 1 has an environment that is a string, not an object")]
    [InlineData("""[{"state":true,"environments":[],"user":{"login":"octocat"},"comment":""}]""", "review 1 has a 'state' that is a boolean, not a string")]
    public void An_answer_of_another_shape_is_refused_saying_what_is_wrong(string json, string expected)
    {
        var exception = Assert.Throws<InvalidDataException>(() => ReviewHistory.Parse(json));

        Assert.StartsWith(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_approvals_of_the_environment_released_to_count_each_reviewer_once()
    {
        var review = new HostReview("http://127.0.0.1/approvals", "production",
        [
            new EnvironmentReview("alice", "approved", ["staging"], null),
            new EnvironmentReview("bob", "rejected", ["production"], "not today"),
            new EnvironmentReview("carol", "approved", ["Production"], "ok"),
            new EnvironmentReview("Carol", "approved", ["production"], "ok again"),
            new EnvironmentReview("dave", "pending", ["production"], null),
        ]);

        Assert.Equal(["carol"], review.Approving.Select(r => r.Reviewer));
        Assert.Equal("host: GitHub environment 'Production' review", HostReview.Source(review.Approving[0], "production"));
    }

    [Fact]
    public void A_refusal_for_a_missing_approval_says_what_the_reviewers_did_and_how_to_require_them()
    {
        var missing = new[] { new RuleVerdict(ReleaseRuleKind.Approval, false, "no approval") };
        var rejected = new HostReview("http://127.0.0.1/approvals", "production", [new EnvironmentReview("bob", "rejected", ["production"], null)]);
        var none = rejected with { Reviews = [] };

        Assert.Equal(
            " The GitHub environment 'production' has no approval from its reviewers for this run (rejected by bob, GET http://127.0.0.1/approvals). " +
            "To have GitHub wait for one, add required reviewers to it: Settings > Environments > production > Required reviewers (and 'Prevent self-review').",
            rejected.WhenRefused(missing));
        Assert.Contains("(it lists no review of production, GET http://127.0.0.1/approvals)", none.WhenRefused(missing), StringComparison.Ordinal);
        Assert.Empty(none.WhenRefused([new RuleVerdict(ReleaseRuleKind.FreezeWindow, false, "frozen")]));
        Assert.Empty((none with { Reviews = [new EnvironmentReview("carol", "approved", ["production"], null)] }).WhenRefused(missing));
    }

    [Fact]
    public void GitHub_Actions_addresses_the_runs_review_history_and_Gitea_which_ignores_environments_has_none()
    {
        var environment = HostEnvironment.From(new Dictionary<string, string>
        {
            ["GITHUB_API_URL"] = "https://api.github.com/",
            ["GITHUB_REPOSITORY"] = "octo/app",
            ["GITHUB_RUN_ID"] = "42",
        });

        Assert.Equal("https://api.github.com/repos/octo/app/actions/runs/42/approvals", GitHubActions.Description.RunReviewsUrl?.Fill(environment));
        Assert.Null(GiteaActions.Description.RunReviewsUrl);
        Assert.Null(ForgejoActions.Description.RunReviewsUrl);
    }
}
