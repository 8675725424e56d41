using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Pipeline.Delivery;

namespace Pipeline.CiGeneration;

/// <summary>Runs a <see cref="CiRequest"/>: writes or checks the generated files, or verifies a downloaded candidate.</summary>
internal static class CiCommands
{
    private const int DiffContextLines = 3;

    public static int Run(Build build, CiRequest request, TextWriter output, TextWriter error) => request switch
    {
        CiRequest.Generate => Generate(build, output),
        CiRequest.Check => Check(build, output, error),
        CiRequest.VerifyArtifact verify => Verify(build, verify, output, error),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request, "Unknown CI request."),
    };

    private static int Generate(Build build, TextWriter output)
    {
        foreach (var file in CiFiles.Render(build))
        {
            var path = build.Root / file.RelativePath;
            var unchanged = File.Exists(path) && File.ReadAllText(path) == file.Text;
            if (!unchanged)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                AtomicFile.WriteAllText(path, file.Text);
            }

            output.WriteLine($"{(unchanged ? "Up to date" : "Wrote")}: {file.RelativePath}");
            if (file.Settings.Count > 0)
            {
                output.WriteLine($"  Set in {HostName(file.Host)}'s settings (also at the top of the file):");
                foreach (var line in file.Settings)
                {
                    output.WriteLine($"    {line}");
                }
            }
        }

        foreach (var orphan in CiFiles.Orphans(build))
        {
            output.WriteLine($"Left alone: {orphan} was generated for a host {build.ScriptPath} no longer declares; delete it if that host is gone.");
        }

        return ExitCodes.Success;
    }

    private static int Check(Build build, TextWriter output, TextWriter error)
    {
        var stale = 0;
        foreach (var file in CiFiles.Render(build))
        {
            var path = build.Root / file.RelativePath;
            if (!File.Exists(path))
            {
                error.WriteLine($"error: {file.RelativePath} is missing: {build.ScriptPath} declares {HostName(file.Host)}.");
                stale++;
                continue;
            }

            var current = File.ReadAllText(path);
            if (current != file.Text)
            {
                error.WriteLine($"error: {file.RelativePath} is stale: it differs from what {build.ScriptPath} generates (- the file, + generated):");
                error.Write(Diff(current, file.Text));
                stale++;
            }
        }

        foreach (var orphan in CiFiles.Orphans(build))
        {
            error.WriteLine($"error: {orphan} was generated for a host {build.ScriptPath} no longer declares: delete it, or declare the host again.");
            stale++;
        }

        if (stale > 0)
        {
            error.WriteLine($"{stale} CI file(s) out of date: run ./build.sh --generate-ci and commit the result.");
            return ExitCodes.CiFilesStale;
        }

        output.WriteLine($"CI files are up to date with {build.ScriptPath}.");
        return ExitCodes.Success;
    }

    private static int Verify(Build build, CiRequest.VerifyArtifact request, TextWriter output, TextWriter error)
    {
        var folder = AbsolutePath.From(Path.GetFullPath(request.Path, build.InvocationDirectory));
        if (!request.ExpectedDigest.StartsWith("sha256:", StringComparison.Ordinal) || request.ExpectedDigest.Length != "sha256:".Length + 64)
        {
            error.WriteLine($"error: --expect-digest '{request.ExpectedDigest}' is not a candidate digest (sha256: and 64 hex digits): the job that made the candidate exports it as {CiPipelinePlanner.CandidateDigestOutput}.");
            return ExitCodes.UsageError;
        }

        var manifest = ReleaseManifest.Read(folder / ReleaseManifest.FileName);
        string? problem = manifest is null
            ? $"{request.Path} holds no readable {ReleaseManifest.FileName}: the download is missing or incomplete"
            : manifest.Digest != request.ExpectedDigest
                ? $"{request.Path} is candidate {manifest.Digest}, not {request.ExpectedDigest} that the job which made it exported"
                : manifest.Verify(folder) is { Count: > 0 } problems
                    ? $"{request.Path} does not match its release manifest: {string.Join("; ", problems)}"
                    : null;
        if (problem is not null)
        {
            error.WriteLine($"error: Refused: intact: {problem}.");
            return ExitCodes.Refused;
        }

        output.WriteLine($"Verified {request.Path}: candidate {manifest!.Version} {manifest.Digest}, every file as its manifest says.");
        return ExitCodes.Success;
    }

    /// <summary>The changed lines with a little context, each prefixed with its line number in the generated text.</summary>
    private static string Diff(string current, string generated)
    {
        var lines = InlineDiffBuilder.Diff(current, generated, ignoreWhiteSpace: false).Lines;
        var changed = lines.Select((line, index) => (line, index)).Where(x => x.line.Type is ChangeType.Inserted or ChangeType.Deleted).Select(x => x.index).ToList();
        using var text = new StringWriter { NewLine = "\n" };
        var lastPrinted = -1;
        foreach (var index in changed)
        {
            for (var i = Math.Max(lastPrinted + 1, index - DiffContextLines); i <= Math.Min(lines.Count - 1, index + DiffContextLines); i++)
            {
                if (lastPrinted >= 0 && i > lastPrinted + 1)
                {
                    text.WriteLine("  ...");
                }

                var line = lines[i];
                text.WriteLine($"  {(line.Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' })} {line.Text}");
                lastPrinted = i;
            }
        }

        return text.ToString();
    }

    private static string HostName(CiHostKind host) => host switch
    {
        CiHostKind.GitHubActions => "GitHub (and Forgejo/Gitea Actions)",
        CiHostKind.GitLab => "GitLab",
        CiHostKind.AzurePipelines => "Azure DevOps",
        _ => host.ToString(),
    };
}
