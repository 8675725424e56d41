namespace Pipeline.Testing;

/// <summary>
/// The one trait that splits the suite. A test class whose tests take many seconds each (packing, NuGet restores,
/// delivery in git repositories with a packed library, this repository's own build, compiling a script several
/// times on purpose to test the script cache) carries
/// <c>[Trait(Speed.Trait, Speed.Slow)]</c>; <c>./build.sh Test --fast</c> runs the rest with
/// <c>--filter "Speed!=Slow"</c>, and <c>./build.sh Test</c> runs everything.
/// </summary>
internal static class Speed
{
    public const string Trait = "Speed";

    public const string Slow = "Slow";
}
