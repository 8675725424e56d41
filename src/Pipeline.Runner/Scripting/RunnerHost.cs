using Pipeline.Hosts;

namespace Pipeline.Runner.Scripting;

/// <summary>
/// The CI host as the runner sees it before the build parses its command line: named by <c>--host</c>
/// or detected. Used to turn script compile errors into the host's error annotations.
/// </summary>
internal static class RunnerHost
{
    public static CiHost From(IReadOnlyList<string> buildArguments)
    {
        for (var i = 0; i < buildArguments.Count; i++)
        {
            var name = buildArguments[i] == "--host" && i + 1 < buildArguments.Count ? buildArguments[i + 1]
                : buildArguments[i].StartsWith("--host=", StringComparison.Ordinal) ? buildArguments[i]["--host=".Length..]
                : null;
            if (name is not null && HostDetector.Find(name) is { } named)
            {
                return named;
            }
        }

        return HostDetector.Detect(HostEnvironment.Process);
    }

    /// <summary>Each error as an annotation with its file, line and column, where the host shows them.</summary>
    public static void Annotate(CiHost host, IEnumerable<ScriptError> errors)
    {
        var channel = new HostChannel(host, HostEnvironment.Process, new Secrets.SecretMasker(), line => Console.Out.WriteLine(line), line => Console.Out.WriteLine(line));
        foreach (var error in errors)
        {
            var message = error.Code is null ? error.Message : $"{error.Code}: {error.Message}";
            channel.Apply(host.Annotate(new Annotation(AnnotationLevel.Error, message, error.File, error.Line, error.Column, "Build script")));
        }
    }
}
