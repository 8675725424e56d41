using Pipeline.EndToEnd.Tests.CiGeneration.GitHub;
using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.RepositoryBuild;

/// <summary>
/// This repository's own CI configuration is generated from build/build.csx and checked in: the suite fails when
/// it is stale (someone changed the script or edited the file by hand), and GitHub's own validators accept it.
/// Both only read the working tree, so they run on it directly, beside the other tests (not in the copy the
/// builds of this repository share, which runs alone).
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class RepositoryCiFilesTests
{
    [Fact]
    public async Task This_repositorys_generated_workflow_is_up_to_date_with_its_build_script()
    {
        var check = await PipelineRunner.RunAsync(SourceRepository.Root, ["--check-ci"]);

        Assert.True(
            check.ExitCode == 0,
            $"The checked-in CI files differ from what build/build.csx generates: run ./build.sh --generate-ci and commit the result.{Environment.NewLine}{check}");
        check.OutputShouldContain("CI files are up to date with build/build.csx.");
    }

    [Fact]
    public async Task This_repositorys_workflow_passes_both_github_validators()
    {
        var lint = await GitHubValidators.ActionlintAsync(SourceRepository.Root);
        var validation = await GitHubValidators.ActionValidatorAsync(SourceRepository.Root);

        Assert.True(lint.ExitCode == 0 && GitHubValidators.Passed(lint, 1), $"actionlint:{Environment.NewLine}{lint}");
        Assert.True(validation.ExitCode == 0 && validation.AllOutput.Trim().Length == 0, $"action-validator:{Environment.NewLine}{validation}");
    }
}
