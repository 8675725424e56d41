using System.Globalization;

namespace Pipeline.Hosts;

/// <summary>One variable an identity part is read from, and the form its value comes in.</summary>
internal sealed record VariableRead(string Variable, ValueForm Form = ValueForm.AsIs)
{
    /// <summary>Besides, a variable that must be <c>true</c> for this one to count (AppVeyor's tag name only counts in a tag build).</summary>
    public string? OnlyWhenTrue { get; init; }

    /// <summary>The value in the identity's form; null when unset, empty, or not in the expected form.</summary>
    public string? From(HostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if ((OnlyWhenTrue is not null && !environment.IsTrue(OnlyWhenTrue)) || environment[Variable] is not { } value)
        {
            return null;
        }

        return Form switch
        {
            ValueForm.AsIs => value,
            ValueForm.UnlessFalse => value == "false" ? null : value,
            ValueForm.BranchOfRef => Refs.BranchName(value),
            ValueForm.RemoteBranch => RemoteBranch(value),
            ValueForm.CommitSha => value.Length >= 7 && value.All(char.IsAsciiHexDigit) ? value : null,
            ValueForm.NumberAtEndOfUrl => value.TrimEnd('/').Split('/')[^1] is { Length: > 0 } last && last.All(char.IsAsciiDigit) ? last : null,
            _ => throw new ArgumentOutOfRangeException(nameof(environment), Form, string.Create(CultureInfo.InvariantCulture, $"Unknown value form of {Variable}.")),
        };
    }

    /// <summary><c>origin/feature/x</c> (or <c>refs/remotes/origin/feature/x</c>) as <c>feature/x</c>.</summary>
    private static string? RemoteBranch(string name)
    {
        foreach (var prefix in new[] { "refs/remotes/origin/", "remotes/origin/", "origin/" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return Refs.BranchName(name);
    }
}

/// <summary>How a variable's value becomes an identity part.</summary>
internal enum ValueForm
{
    /// <summary>The value itself.</summary>
    AsIs,

    /// <summary>The value, except <c>false</c>, which says there is none (a pull request variable on a push).</summary>
    UnlessFalse,

    /// <summary>The branch name of a ref that may be full (<c>refs/heads/x</c>) or short; nothing for another kind of ref.</summary>
    BranchOfRef,

    /// <summary>A remote-tracking branch (<c>origin/x</c>) as the branch's name.</summary>
    RemoteBranch,

    /// <summary>A commit SHA; a symbolic name such as <c>HEAD</c> is left for git to resolve.</summary>
    CommitSha,

    /// <summary>The number that ends a pull or merge request's address (<c>…/pull/42</c>).</summary>
    NumberAtEndOfUrl,
}
