namespace Muster.Api.Tests.Support;

/// <summary>The checkout the tests run from: where approved files (schema, role matrix) live.</summary>
public static class RepositoryRoot
{
    public static string Path()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Muster.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Muster.slnx not found above " + AppContext.BaseDirectory);
    }
}
