using System.Reflection;

namespace Pipeline.Runner.Scripting;

/// <summary>A compiled script ready to declare its targets, and the digest of the sources it was compiled from.</summary>
/// <param name="Factory">The submission factory Roslyn generates (see <see cref="ScriptHost.RunAsync"/>).</param>
internal sealed record LoadedScript(MethodInfo Factory, string DefinitionDigest);
