using System.Xml;
using System.Xml.Linq;
using Loyalty.Core.Common;

namespace Loyalty.Core.Webhooks.WeChat;

/// <summary>
/// Reads the flat <c>&lt;xml&gt;&lt;Field&gt;value&lt;/Field&gt;...&lt;/xml&gt;</c> documents WeChat pushes. The reader prohibits
/// DTDs (so no entity can be declared, let alone expanded), resolves nothing external and stops at
/// <see cref="MaxCharacters"/>; anything else is a 400, never an exception.
/// </summary>
public static class WeChatXml
{
    /// <summary>Real pushes are well under 2 KB; 64 K characters leaves room and bounds the work an attacker can cause.</summary>
    public const int MaxCharacters = 64 * 1024;

    public const int MaxFields = 64;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>The top-level fields of the <c>xml</c> root. Nested elements (e.g. <c>ScanCodeInfo</c>) are kept as their text.</summary>
    public static Result<IReadOnlyDictionary<string, string>> Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > MaxCharacters)
        {
            return Error.BadRequest("body-too-large", $"A WeChat message may be at most {MaxCharacters} characters.");
        }

        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            root = XElement.Load(reader);
        }
        catch (XmlException ex)
        {
            return IsDtd(xml)
                ? Error.BadRequest("xml-dtd-prohibited", "DOCTYPE and entity declarations are not accepted in WeChat messages.")
                : Error.BadRequest("invalid-xml", $"The body is not well-formed XML: {ex.Message}");
        }

        if (root.Name.LocalName != "xml" || root.Name.NamespaceName.Length > 0)
        {
            return Error.BadRequest("invalid-xml", "A WeChat message is an <xml> document.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.Elements())
        {
            if (fields.Count == MaxFields)
            {
                return Error.BadRequest("invalid-xml", $"A WeChat message has at most {MaxFields} fields.");
            }

            // Two FromUserName fields would let the signed copy and the read copy differ: refuse rather than pick one.
            if (!fields.TryAdd(element.Name.LocalName, element.Value))
            {
                return Error.BadRequest("invalid-xml", $"The field {element.Name.LocalName} appears twice.", element.Name.LocalName);
            }
        }

        return fields;
    }

    private static bool IsDtd(string xml) =>
        xml.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || xml.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase);
}
