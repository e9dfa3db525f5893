using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace McpClientGen.PackageTests;

/// <summary>A packed <c>.nupkg</c>, read as NuGet reads it: the files its author put in, its nuspec, its assemblies.</summary>
internal sealed class Nupkg(string path) : IDisposable
{
    private readonly ZipArchive _archive = ZipFile.OpenRead(path);

    /// <summary>Every file but the parts NuGet adds itself (<c>_rels/</c>, <c>package/</c>, the content types), sorted.</summary>
    public List<string> Files =>
        [.. _archive.Entries
            .Select(entry => entry.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/", StringComparison.Ordinal)
                && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)];

    /// <summary>The nuspec's <c>metadata</c> element.</summary>
    public XElement Metadata
    {
        get
        {
            using var stream = _archive.Entries.Single(entry => !entry.FullName.Contains('/', StringComparison.Ordinal) && entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            return XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        }
    }

    /// <summary>The text of a nuspec metadata element, such as <c>id</c> or <c>version</c>.</summary>
    public string Value(string name) => Metadata.Elements().Single(element => element.Name.LocalName == name).Value;

    /// <summary>Each target framework's dependencies: id → version.</summary>
    public Dictionary<string, Dictionary<string, string>> DependencyGroups =>
        Metadata.Descendants()
            .Where(element => element.Name.LocalName == "group")
            .ToDictionary(
                group => group.Attribute("targetFramework")!.Value,
                group => group.Elements().ToDictionary(dependency => dependency.Attribute("id")!.Value, dependency => dependency.Attribute("version")!.Value));

    /// <summary>The names and versions of the assemblies the packed assembly at <paramref name="entryPath"/> references.</summary>
    public List<AssemblyName> AssemblyReferences(string entryPath)
    {
        using var assembly = new MemoryStream();
        using (var entry = _archive.GetEntry(entryPath)!.Open())
        {
            entry.CopyTo(assembly);
        }

        assembly.Position = 0;
        using var reader = new PEReader(assembly);
        var metadata = reader.GetMetadataReader();
        return [.. metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle)).Select(reference => new AssemblyName(metadata.GetString(reference.Name)) { Version = reference.Version })];
    }

    public void Dispose() => _archive.Dispose();
}
