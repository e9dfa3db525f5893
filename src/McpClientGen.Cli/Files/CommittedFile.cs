using System.Text;

namespace McpClientGen.Cli.Files;

/// <summary>
/// Writes a file meant to be committed and reviewed as a diff (a snapshot, an overlay): UTF-8 without a byte order
/// mark, left alone when it already holds exactly the text (so its timestamp does not change), and replaced in one
/// rename so that a failed write never leaves half a file. The text first goes to a temporary file of this run's own
/// beside the file, so that two runs at once never write into each other's; a symbolic link is written through, so
/// that it stays a link.
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
            var target = FileBehind(Path.GetFullPath(path));
            var bytes = Utf8WithoutBom.GetBytes(text);
            if (File.Exists(target) && (await File.ReadAllBytesAsync(target, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(bytes))
            {
                return false;
            }

            var folder = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(folder);
            // Created new, so the name is this run's alone: deleting it afterwards cannot take another run's file.
            var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Path.GetRandomFileName()}.tmp");
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096, useAsync: true);
            try
            {
                await using (stream.ConfigureAwait(false))
                {
                    await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                }

                File.Move(temporary, target, overwrite: true);
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

    /// <summary>
    /// The file a path names in the end: a symbolic link's final target (an overlay shared from elsewhere), since
    /// renaming onto the link would replace it with a plain file; else the path itself.
    /// </summary>
    private static string FileBehind(string fullPath) =>
        new FileInfo(fullPath).LinkTarget is null ? fullPath : File.ResolveLinkTarget(fullPath, returnFinalTarget: true)!.FullName;
}
