using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Functions.MerchantConsole;

/// <summary>
/// The console's static files, embedded in the function app as <c>console/{path}</c> resources. Every asset is served
/// under one version segment (a hash of all the files), so a deployment that changes any file changes every asset URL:
/// assets can be cached for a year and the index, which names the version, is never cached.
/// </summary>
public sealed class ConsoleAssets
{
    public const string ResourcePrefix = "console/";

    public const string IndexFile = "index.html";

    /// <summary>The placeholder in index.html that becomes the version segment.</summary>
    public const string VersionPlaceholder = "{{version}}";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".txt"] = "text/plain; charset=utf-8",
        [""] = "text/plain; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<ConsoleAssets> Embedded = new(() => Load(typeof(ConsoleAssets).Assembly));

    private readonly FrozenDictionary<string, ConsoleFile> _files;

    private ConsoleAssets(string version, ConsoleFile index, FrozenDictionary<string, ConsoleFile> files)
    {
        Version = version;
        Index = index;
        _files = files;
    }

    public static ConsoleAssets Current => Embedded.Value;

    /// <summary>12 hex digits of the SHA-256 of every file's name and content.</summary>
    public string Version { get; }

    public ConsoleFile Index { get; }

    public IEnumerable<string> Paths => _files.Keys;

    public ConsoleFile? Find(string path) => _files.GetValueOrDefault(path);

    public static string ContentTypeFor(string path) =>
        ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");

    public static ConsoleAssets Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var contents = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            contents[name[ResourcePrefix.Length..].Replace('\\', '/')] = buffer.ToArray();
        }

        if (!contents.TryGetValue(IndexFile, out var indexTemplate))
        {
            throw new InvalidOperationException($"The console's {IndexFile} is not embedded in {assembly.GetName().Name}.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in contents)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
            hash.AppendData(bytes);
        }

        var version = Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
        var index = Encoding.UTF8.GetString(indexTemplate).Replace(VersionPlaceholder, version, StringComparison.Ordinal);
        var files = contents.Where(f => f.Key != IndexFile)
            .ToFrozenDictionary(f => f.Key, f => new ConsoleFile(f.Key, f.Value, ContentTypeFor(f.Key)), StringComparer.Ordinal);
        return new ConsoleAssets(version, new ConsoleFile(IndexFile, Encoding.UTF8.GetBytes(index), ContentTypeFor(IndexFile)), files);
    }
}
