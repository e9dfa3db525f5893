using System.Text;

namespace McpClientGen.Cli.Files;

/// <summary>
/// Writes a file meant to be committed and reviewed as a diff (a snapshot, an overlay): UTF-8 without a byte order
/// mark, left alone when it already holds exactly the text (so its timestamp does not change), and replaced in one
/// rename so that a failed write never leaves half a file.
/// </summary>
internal static class CommittedFile
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="path">The file; missing folders are created.</param>
    /// <param name="text">Its new content.</param>
    /// <param name="what">What the file is, for the error message: "the snapshot", "the overlay".</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether the file was written.</returns>
    /// <exception cref="CommandFailedException">The file cannot be read or written.</exception>
    public static async Task<bool> WriteAsync(string path, string text, string what, CancellationToken cancellationToken)
    {
        try
        {
            var fullPath = Path.GetFullPath(path);
            var bytes = Utf8WithoutBom.GetBytes(text);
            if (File.Exists(fullPath) && (await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(bytes))
            {
                return false;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            var temporary = fullPath + ".mcpgen-tmp";
            try
            {
                await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
                File.Move(temporary, fullPath, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"Cannot write {what}: {exception.Message}", exception);
        }
    }
}
