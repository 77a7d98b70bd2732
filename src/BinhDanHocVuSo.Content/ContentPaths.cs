namespace BinhDanHocVuSo.Content;

/// <summary>Turns absolute paths into the short, slash-separated paths shown to authors.</summary>
internal static class ContentPaths
{
    public static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        // A path outside the root is still better shown in full than as a chain of "../".
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            relative = path;
        }

        return relative.Replace('\\', '/');
    }
}
