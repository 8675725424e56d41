using Pipeline.EndToEnd.Tests.Infrastructure;

namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>
/// One folder of resident runners for all the tests of a class (an <c>IClassFixture</c>): its runner is started by the
/// first run through it and reused by the next ones, as a user's is; stopped when the class is done. The tests of one
/// class run one at a time, so they never find it busy with each other's run.
/// </summary>
public sealed class SharedResidentRunners : IAsyncLifetime
{
    public ResidentRunners Runners { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Runners.DisposeAsync();
}
