namespace Pipeline.CiGeneration;

/// <summary>Turns the host-neutral <see cref="CiPipeline"/> into one host's configuration file.</summary>
internal interface ICiFileWriter
{
    CiHostKind Host { get; }

    /// <summary>Where the file goes, relative to the repository root, forward slashes.</summary>
    string RelativePath { get; }

    /// <summary>The file's whole text: deterministic, LF line ends, a header saying it is generated and how to regenerate it.</summary>
    string Write(CiPipeline pipeline);

    /// <summary>
    /// What the host needs set in its settings for this pipeline (required reviewers, protected environments,
    /// approval checks, token permissions) and what it ignores: printed by <c>--generate-ci</c> and written at the
    /// top of the file.
    /// </summary>
    IReadOnlyList<string> Settings(CiPipeline pipeline);
}
