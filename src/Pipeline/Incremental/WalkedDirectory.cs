using System.IO.Enumeration;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Pipeline.Incremental;

/// <summary>
/// A folder as <see cref="FileSet"/>'s matcher walks it. Unlike the library's own wrapper it makes no
/// <see cref="FileInfo"/> per entry (the matcher needs only names, and a no-change check walks thousands), and it
/// leaves out <c>.git</c> and <c>.pipeline</c> (history and Pipeline's own state, never a target's input or output; a
/// worktree's <c>.git</c> is a file naming an absolute path) and symbolic links to folders (which could lead out of
/// the root or round in a loop).
/// </summary>
internal sealed class WalkedDirectory(string fullName, string name, WalkedDirectory? parent) : DirectoryInfoBase
{
    private static readonly EnumerationOptions Entries = new()
    {
        // Dot files (.editorconfig, .config/dotnet-tools.json) are inputs like any other.
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
    };

    public WalkedDirectory(string fullName)
        : this(fullName, Path.GetFileName(Path.TrimEndingDirectorySeparator(fullName)), null)
    {
    }

    public override string Name => name;

    public override string FullName => fullName;

    public override DirectoryInfoBase? ParentDirectory => parent;

    public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
    {
        var entries = new FileSystemEnumerable<FileSystemInfoBase?>(fullName, Wrap, Entries);
        try
        {
            return [.. entries.OfType<FileSystemInfoBase>()];
        }
        catch (DirectoryNotFoundException)
        {
            // Deleted while walking (a parallel target cleaning its outputs): it has no files now.
            return [];
        }
    }

    public override DirectoryInfoBase? GetDirectory(string path)
    {
        var target = new DirectoryInfo(Path.Combine(fullName, path));
        return target.Exists && !IsLeftOut(target.Name, target.Attributes)
            ? new WalkedDirectory(target.FullName, target.Name, null)
            : null;
    }

    public override FileInfoBase? GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(fullName, path)));

    private FileSystemInfoBase? Wrap(ref FileSystemEntry entry)
    {
        var entryName = entry.FileName.ToString();
        if (entry.IsDirectory)
        {
            return IsLeftOut(entryName, entry.Attributes) ? null : new WalkedDirectory(Path.Join(fullName, entryName), entryName, this);
        }

        return entryName == ".git" ? null : new WalkedFile(entryName, this);
    }

    private static bool IsLeftOut(string folderName, FileAttributes attributes) =>
        folderName is ".git" or ".pipeline" || attributes.HasFlag(FileAttributes.ReparsePoint);

    /// <summary>A file seen by the walk: its name is all the matcher reads; the full path is made only if asked for.</summary>
    private sealed class WalkedFile(string name, WalkedDirectory parent) : FileInfoBase
    {
        public override string Name => name;

        public override string FullName => Path.Join(parent.FullName, name);

        public override DirectoryInfoBase ParentDirectory => parent;
    }
}
