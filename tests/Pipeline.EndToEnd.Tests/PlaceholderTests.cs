namespace Pipeline.EndToEnd.Tests;

public class SmokeTests
{
    [Fact]
    public void Declared_targets_keep_declaration_order()
    {
        var build = new Build();
        var a = build.Target("A");
        var b = build.Target("B");
        Assert.Equal([a, b], build.Targets);
    }
}
