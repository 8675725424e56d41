using Pipeline.EndToEnd.Tests.Delivery;
using YamlDotNet.RepresentationModel;

namespace Pipeline.EndToEnd.Tests.CiGeneration.Azure;

/// <summary>
/// The generated <c>azure-pipelines.yml</c> run stage by stage by <see cref="AzureAgent"/> with the real runner on
/// fresh clones: the build stage's candidate reaches QA through a pipeline artifact and is verified there against
/// the digest the build stage exported, and a candidate changed in between fails QA before it deploys.
/// </summary>
public sealed class AzureStagesRunTests
{
    [Fact]
    public async Task QA_deploys_the_candidate_the_build_stage_made_after_verifying_it_against_the_exported_digest()
    {
        using var repo = await GeneratedAsync();
        using var origin = await SharedOrigin.ForAsync(repo);
        var agent = new AzureAgent(origin);
        var stages = Stages(repo);

        Assert.True(await agent.RunStageAsync(stages["build"]), Describe(agent));
        Assert.True(await agent.RunStageAsync(stages["publish_qa"]), Describe(agent));

        var packed = agent.Steps.Single(s => s.Command == "./build.sh Package").Result;
        var digest = System.Text.RegularExpressions.Regex.Match(packed.StandardOutput, @"##vso\[task\.setvariable variable=candidate_digest;isoutput=true\](sha256:[0-9a-f]{64})").Groups[1].Value;
        Assert.NotEmpty(digest);
        var verified = agent.Steps.Single(s => s.Command.StartsWith("./build.sh --verify-artifact", StringComparison.Ordinal)).Result;
        verified.ShouldExitWith(0);
        verified.OutputShouldContain(digest);
        var qa = agent.Steps.Single(s => s.Command.StartsWith("./build.sh PublishQa", StringComparison.Ordinal)).Result;
        qa.ShouldExitWith(0);
        qa.OutputShouldContain(digest);
        Assert.Equal(["./build.sh --check-ci", "./build.sh Package", "./build.sh --check-ci"], agent.Steps.Take(3).Select(s => s.Command));
    }

    [Fact]
    public async Task A_candidate_changed_between_the_stages_fails_QA_at_its_verify_step_before_anything_deploys()
    {
        using var repo = await GeneratedAsync();
        using var origin = await SharedOrigin.ForAsync(repo);
        var agent = new AzureAgent(origin);
        var stages = Stages(repo);
        Assert.True(await agent.RunStageAsync(stages["build"]), Describe(agent));

        var candidate = agent.Artifacts["candidate-qa"];
        File.AppendAllText(Path.Combine(candidate, "Greeting.cs"), "// changed on the way\n");
        var passed = await agent.RunStageAsync(stages["publish_qa"]);

        Assert.False(passed);
        var verify = agent.Steps[^1];
        Assert.StartsWith("./build.sh --verify-artifact artifacts/packages", verify.Command, StringComparison.Ordinal);
        verify.Result.ShouldExitWith(3);
        verify.Result.ErrorShouldContain("does not match its release manifest");
        Assert.DoesNotContain(agent.Steps, s => s.Command.StartsWith("./build.sh PublishQa", StringComparison.Ordinal));
    }

    /// <summary>A delivery repository whose script declares Azure Pipelines, with the generated file committed.</summary>
    private static async Task<DeliveryRepo> GeneratedAsync()
    {
        var repo = await DeliveryRepo.CreateAsync(policy: "new ReleasePolicy().ContinuousDeployment()", extra: "Ci.AzurePipelines();", packed: false);
        (await repo.RunAsync("--generate-ci")).ShouldExitWith(0);
        await repo.CommitAllAsync("Generate azure-pipelines.yml");
        return repo;
    }

    private static Dictionary<string, YamlMappingNode> Stages(DeliveryRepo repo)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(repo.Repository.ReadText("azure-pipelines.yml")));
        return ((YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["stages"]).Cast<YamlMappingNode>()
            .ToDictionary(s => ((YamlScalarNode)s["stage"]).Value!);
    }

    private static string Describe(AzureAgent agent) =>
        string.Join("\n\n", agent.Steps.Select(s => $"[{s.Stage}] {s.Command}\n{s.Result}"));
}
