using Pipeline.Secrets;

namespace Pipeline.Tests;

public class DotNetTests
{
    [Fact]
    public async Task A_failed_push_shows_the_command_line_with_the_api_key_masked()
    {
        using var temp = new TempDirectory();
        var apiKey = SecretValues.NewValue();
        var run = Runs.Context(new Build());
        using var inRun = run.Enter();

        var error = await Assert.ThrowsAsync<CommandFailedException>(() =>
            DotNet.NuGetPushAsync(temp.Combine("missing.nupkg"), temp.Path, apiKey).WaitAsync(Runs.HangGuard));

        Assert.Contains("dotnet nuget push", error.Message, StringComparison.Ordinal);
        Assert.Contains("--api-key ****", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, error.Message, StringComparison.Ordinal);
        Assert.Equal(SecretMasker.Mask, run.Secrets.Apply(apiKey));
    }
}
