namespace Pipeline.EndToEnd.Tests.Resident;

/// <summary>A test that needs root (to run a process as another user); skipped, saying so, for anyone else.</summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess)
        {
            Skip = "Needs root: it starts a listener as another user (setpriv).";
        }
    }
}
