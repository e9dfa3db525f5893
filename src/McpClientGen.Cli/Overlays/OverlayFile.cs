namespace McpClientGen.Cli.Overlays;

/// <summary>Reads an overlay file for a command that will rewrite it, before anything else happens.</summary>
internal static class OverlayFile
{
    /// <returns>The overlay, or an empty one when the file does not exist yet.</returns>
    /// <exception cref="CommandFailedException">The file cannot be read, or is not an overlay; it is left as it is.</exception>
    public static async Task<OverlayDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return OverlayDocument.Empty();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"Cannot read the overlay: {exception.Message}", exception);
        }

        try
        {
            return OverlayDocument.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new CommandFailedException($"{path} is not an overlay: {exception.Message}. It was left as it is; fix it, or give another --overlay.", exception);
        }
    }
}
