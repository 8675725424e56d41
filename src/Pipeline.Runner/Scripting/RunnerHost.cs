using Pipeline.Hosts;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// The CI host as the runner sees it before the build parses its command line: named by <c>--host</c>
/// or detected. Used to turn script compile errors into the host's error annotations.
/// </summary>
internal static class RunnerHost
{
    /// <param name="name">The name given with <c>--host</c>; null, or a name no host has, means detected.</param>
    public static CiHost From(string? name, HostEnvironment environment) =>
        (name is null ? null : HostDetector.Find(name)) ?? HostDetector.Detect(environment);

    /// <summary>Each error as an annotation with its file, line and column, where the host shows them.</summary>
    public static void Annotate(CiHost host, HostEnvironment environment, IEnumerable<ScriptError> errors)
    {
        var channel = new HostChannel(host, environment, new Secrets.SecretMasker(), line => Console.Out.WriteLine(line), line => Console.Out.WriteLine(line));
        foreach (var error in errors)
        {
            var message = error.Code is null ? error.Message : $"{error.Code}: {error.Message}";
            channel.Apply(host.Annotate(new Annotation(AnnotationLevel.Error, message, error.File, error.Line, error.Column, "Build script")));
        }
    }
}
