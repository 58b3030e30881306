using System.Runtime.InteropServices;

namespace Trace.Node.LocalChain;

/// <summary>Finds the anvil binary that npm installed under contracts/node_modules.</summary>
public static class AnvilBinary
{
    /// <summary>The configured path, else contracts/node_modules above the app or the working directory, else anvil on PATH.</summary>
    /// <exception cref="FileNotFoundException">no anvil binary anywhere; the message says how to install it.</exception>
    public static string Locate(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured) ? Path.GetFullPath(configured) : throw new FileNotFoundException($"Anvil:BinaryPath '{configured}' does not exist");

        var relative = Path.Combine("contracts", "node_modules", "@foundry-rs", $"anvil-{PlatformSuffix()}", "bin", OperatingSystem.IsWindows() ? "anvil.exe" : "anvil");
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate)) return candidate;
            }
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "anvil");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("anvil was not found: run `npm --prefix contracts install` (it installs @foundry-rs/anvil) or set Anvil:BinaryPath");
    }

    private static string PlatformSuffix()
    {
        var os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "darwin" : "win32";
        var arch = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64";
        return $"{os}-{arch}";
    }
}
